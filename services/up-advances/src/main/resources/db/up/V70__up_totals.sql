-- What the UP snapshot reads, maintained in the same transaction as the ledger rows they derive
-- from, so that a refresh costs O(OPDs) and not O(ledger rows) (issue 11). V70: after the core's
-- V60, so that a database migrated before this file still accepts it in order. A test recomputes
-- every table from the ledger.

-- Per OPD, year and event type: sum, count and the first and last date.
create table up_total (
    pemda       text          not null,
    fiscal_year integer       not null,
    opd         text          not null,
    event_type  text          not null,
    amount      numeric(18,2) not null,
    events      bigint        not null,
    first_on    date          not null,
    last_on     date          not null,
    primary key (pemda, fiscal_year, opd, event_type)
);

insert into up_total (pemda, fiscal_year, opd, event_type, amount, events, first_on, last_on)
select pemda, fiscal_year, opd, event_type, coalesce(sum(amount), 0), count(*), min(occurred_on), max(occurred_on)
from up_ledger group by pemda, fiscal_year, opd, event_type;

-- The ceiling in force per OPD: the newest up-ceiling-set by date, then by arrival (seq).
create table up_ceiling (
    pemda       text          not null,
    fiscal_year integer       not null,
    opd         text          not null,
    occurred_on date          not null,
    seq         bigint        not null,
    amount      numeric(18,2) not null,
    primary key (pemda, fiscal_year, opd)
);

insert into up_ceiling (pemda, fiscal_year, opd, occurred_on, seq, amount)
select distinct on (pemda, fiscal_year, opd) pemda, fiscal_year, opd, occurred_on, seq, amount
from up_ledger where event_type = 'up-ceiling-set'
order by pemda, fiscal_year, opd, occurred_on desc, seq desc;

-- Every TU with what settled it so far (LPJ-TU and returns) and the date of its last settlement.
create table up_tu (
    event_id        text primary key references up_ledger (event_id),
    pemda           text          not null,
    fiscal_year     integer       not null,
    opd             text          not null,
    disbursed_on    date          not null,
    amount          numeric(18,2) not null,
    settled         numeric(18,2) not null,
    last_settled_on date
);

-- the snapshot reads the open TUs (few) through this index, the settled ones only as a count
create index up_tu_open on up_tu (pemda, fiscal_year, opd, disbursed_on) where settled < amount;
create index up_tu_year on up_tu (pemda, fiscal_year, opd);

insert into up_tu (event_id, pemda, fiscal_year, opd, disbursed_on, amount, settled, last_settled_on)
select d.event_id, d.pemda, d.fiscal_year, d.opd, d.occurred_on, d.amount, coalesce(sum(s.amount), 0),
       max(s.occurred_on)
from up_ledger d left join up_ledger s on s.tu = d.event_id
where d.event_type = 'tu-disbursed'
group by d.event_id, d.pemda, d.fiscal_year, d.opd, d.occurred_on, d.amount;

-- spending_ledger partitioned by region and fiscal year (V82 says how): copy into the
-- partitioned table, swap. A reversal is of the same region and year as its original (the
-- ledger checks it), so the reference carries them: (reverses, pemda, fiscal_year).
alter table spending_ledger rename to spending_ledger_v82;
alter index spending_ledger_pkey rename to spending_ledger_v82_pkey;
alter index spending_ledger_reverses rename to spending_ledger_v82_reverses;
alter table spending_ledger_v82 drop constraint spending_ledger_reverses_fkey;

create table spending_ledger (
    event_id         text collate "C" not null,
    event_type       text          not null,
    pemda            text          not null,
    fiscal_year      integer       not null,
    opd              text          not null,
    category         text          not null,
    account          text          not null,
    mechanism        text          not null,
    occurred_on      date          not null,
    document_kind    text          not null,
    document_number  text          not null,
    amount           numeric(18,2) not null,
    reverses         text collate "C",
    payload_sha256   bytea         not null,
    source_topic     text          not null,
    source_partition integer       not null,
    source_offset    bigint        not null,
    recorded_at      timestamptz   not null default now(),
    check ((reverses is null and amount > 0) or (reverses is not null and amount < 0)),
    primary key (event_id, pemda, fiscal_year)
) partition by list (pemda);

create table spending_ledger_default partition of spending_ledger default;
create index spending_ledger_reverses on spending_ledger (reverses) where reverses is not null;

select apbd_ensure_partitions(pemda, array_agg(distinct fiscal_year))
from spending_ledger_v82 group by pemda;

insert into spending_ledger select * from spending_ledger_v82;
drop table spending_ledger_v82;

alter table spending_ledger add constraint spending_ledger_reverses_fkey foreign key (reverses, pemda, fiscal_year)
    references spending_ledger (event_id, pemda, fiscal_year);

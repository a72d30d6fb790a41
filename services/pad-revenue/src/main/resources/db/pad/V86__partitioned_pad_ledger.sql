-- pad_ledger partitioned by region and fiscal year (db/core/V82 says how): copy into the
-- partitioned table, swap. A reversal is of the same region, OPD and year as its receipt (the
-- ledger checks it), so the reference carries the region and year: (reverses, pemda, fiscal_year).
alter table pad_ledger rename to pad_ledger_v85;
alter table pad_ledger_v85 drop constraint pad_ledger_reverses_fkey;
alter table pad_ledger_v85 rename constraint pad_ledger_pkey to pad_ledger_v85_pkey;
alter index pad_ledger_reverses rename to pad_ledger_v85_reverses;

create table pad_ledger (
    event_id         text collate "C" not null,
    event_type       text          not null,
    pemda            text          not null,
    fiscal_year      integer       not null,
    opd              text          not null,
    account          text          not null,
    channel          text          not null,
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

create table pad_ledger_default partition of pad_ledger default;
create index pad_ledger_reverses on pad_ledger (reverses) where reverses is not null;

select apbd_ensure_partitions(pemda, array_agg(distinct fiscal_year))
from pad_ledger_v85 group by pemda;

insert into pad_ledger select * from pad_ledger_v85;
drop table pad_ledger_v85;

alter table pad_ledger add constraint pad_ledger_reverses_fkey foreign key (reverses, pemda, fiscal_year)
    references pad_ledger (event_id, pemda, fiscal_year);

-- capital_event partitioned by region and fiscal year (db/core/V82 says how): copy into the
-- partitioned table, swap. A reversal and every event of a contract are of the same region, OPD
-- and year as the payment or contract they name (the ledger checks it), so the references carry
-- the region and year. A contract id is scoped by region too: capital_contract is keyed by
-- (contract_id, pemda); its signing event by (event_id, pemda, fiscal_year).
alter table capital_contract drop constraint capital_contract_event_id_fkey;
alter table capital_event rename to capital_event_v86;
alter table capital_event_v86 drop constraint capital_event_reverses_fkey;
alter table capital_event_v86 rename constraint capital_event_pkey to capital_event_v86_pkey;
alter index capital_event_contract rename to capital_event_v86_contract;
alter index capital_event_reverses rename to capital_event_v86_reverses;

create table capital_event (
    event_id          text collate "C" not null,
    event_type        text          not null,
    pemda             text          not null,
    fiscal_year       integer       not null,
    opd               text          not null,
    contract_id       text collate "C" not null,
    occurred_on       date          not null,
    document_kind     text          not null,
    document_number   text          not null,
    amount            numeric(18,2),
    physical_progress numeric(5,2) check (physical_progress between 0 and 100),
    stage             text,
    reverses          text collate "C",
    payload_sha256    bytea         not null,
    source_topic      text          not null,
    source_partition  integer       not null,
    source_offset     bigint        not null,
    recorded_at       timestamptz   not null default now(),
    primary key (event_id, pemda, fiscal_year)
) partition by list (pemda);

create table capital_event_default partition of capital_event default;
create index capital_event_contract on capital_event (contract_id, event_type);
create index capital_event_reverses on capital_event (reverses) where reverses is not null;

select apbd_ensure_partitions(pemda, array_agg(distinct fiscal_year))
from capital_event_v86 group by pemda;

insert into capital_event select * from capital_event_v86;
drop table capital_event_v86;

alter table capital_event add constraint capital_event_reverses_fkey foreign key (reverses, pemda, fiscal_year)
    references capital_event (event_id, pemda, fiscal_year);

alter table capital_contract drop constraint capital_contract_pkey;
alter table capital_contract add primary key (contract_id, pemda);
alter table capital_contract add constraint capital_contract_event_fkey foreign key (event_id, pemda, fiscal_year)
    references capital_event (event_id, pemda, fiscal_year);

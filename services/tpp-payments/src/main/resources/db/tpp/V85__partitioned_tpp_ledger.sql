-- tpp_ledger partitioned by region and fiscal year (db/core/V82 says how): copy into the
-- partitioned table, swap. Its unique stage key (pemda, fiscal_year, opd, month, stage) holds
-- the partition key already; seq keeps its sequence (the order of arrival) but is no longer
-- unique by constraint, which a partitioned table allows only with the partition key.
alter table tpp_ledger rename to tpp_ledger_v84;
alter table tpp_ledger_v84 rename constraint tpp_ledger_pkey to tpp_ledger_v84_pkey;
alter table tpp_ledger_v84 rename constraint tpp_ledger_seq_key to tpp_ledger_v84_seq_key;
alter table tpp_ledger_v84 rename constraint tpp_ledger_pemda_fiscal_year_opd_month_stage_key
    to tpp_ledger_v84_stage_key;
alter sequence tpp_ledger_seq_seq owned by none;

create table tpp_ledger (
    seq              bigint        not null default nextval('tpp_ledger_seq_seq'),
    event_id         text collate "C" not null,
    pemda            text          not null,
    fiscal_year      integer       not null,
    opd              text          not null,
    month            smallint      not null check (month between 1 and 12),
    stage            text          not null,
    stage_order      smallint      not null check (stage_order between 1 and 5),
    occurred_on      date          not null,
    document_kind    text          not null,
    document_number  text          not null,
    amount           numeric(18,2) not null check (amount > 0),
    employees        integer       not null check (employees > 0),
    payload_sha256   bytea         not null,
    source_topic     text          not null,
    source_partition integer       not null,
    source_offset    bigint        not null,
    recorded_at      timestamptz   not null default now(),
    primary key (event_id, pemda, fiscal_year),
    unique (pemda, fiscal_year, opd, month, stage)
) partition by list (pemda);

create table tpp_ledger_default partition of tpp_ledger default;

select apbd_ensure_partitions(pemda, array_agg(distinct fiscal_year))
from tpp_ledger_v84 group by pemda;

insert into tpp_ledger (seq, event_id, pemda, fiscal_year, opd, month, stage, stage_order, occurred_on,
    document_kind, document_number, amount, employees, payload_sha256, source_topic, source_partition,
    source_offset, recorded_at)
select seq, event_id, pemda, fiscal_year, opd, month, stage, stage_order, occurred_on, document_kind,
    document_number, amount, employees, payload_sha256, source_topic, source_partition, source_offset, recorded_at
from tpp_ledger_v84;
drop table tpp_ledger_v84;
alter sequence tpp_ledger_seq_seq owned by tpp_ledger.seq;

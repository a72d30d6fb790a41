-- up_ledger partitioned by region and fiscal year (db/core/V82 says how): copy into the
-- partitioned table, swap. A settlement is of the same OPD and year as its TU (the ledger checks
-- it), so the reference carries the region and year: (tu, pemda, fiscal_year); so does up_tu's
-- key. seq keeps its sequence (the order of arrival the snapshot reads) but is no longer unique
-- by constraint: a unique index of a partitioned table must hold the partition key. The
-- sequence alone numbers the rows, as before.
alter table up_tu drop constraint up_tu_event_id_fkey;
alter table up_ledger rename to up_ledger_v83;
alter table up_ledger_v83 drop constraint up_ledger_tu_fkey;
alter table up_ledger_v83 rename constraint up_ledger_pkey to up_ledger_v83_pkey;
alter table up_ledger_v83 rename constraint up_ledger_seq_key to up_ledger_v83_seq_key;
alter index up_ledger_opd rename to up_ledger_v83_opd;
alter index up_ledger_tu rename to up_ledger_v83_tu;
alter sequence up_ledger_seq_seq owned by none;

create table up_ledger (
    seq              bigint        not null default nextval('up_ledger_seq_seq'),
    event_id         text collate "C" not null,
    event_type       text          not null,
    pemda            text          not null,
    fiscal_year      integer       not null,
    opd              text          not null,
    occurred_on      date          not null,
    document_kind    text          not null,
    document_number  text          not null,
    amount           numeric(18,2),
    tu               text collate "C",
    payload_sha256   bytea         not null,
    source_topic     text          not null,
    source_partition integer       not null,
    source_offset    bigint        not null,
    recorded_at      timestamptz   not null default now(),
    check ((event_type = 'up-closed' and amount is null) or (event_type <> 'up-closed' and amount > 0)),
    check ((event_type in ('tu-accounted', 'tu-returned')) = (tu is not null)),
    primary key (event_id, pemda, fiscal_year)
) partition by list (pemda);

create table up_ledger_default partition of up_ledger default;
create index up_ledger_seq on up_ledger (seq);
create index up_ledger_opd on up_ledger (pemda, fiscal_year, opd, event_type);
create index up_ledger_tu on up_ledger (tu) where tu is not null;

select apbd_ensure_partitions(pemda, array_agg(distinct fiscal_year))
from up_ledger_v83 group by pemda;

insert into up_ledger (seq, event_id, event_type, pemda, fiscal_year, opd, occurred_on, document_kind,
    document_number, amount, tu, payload_sha256, source_topic, source_partition, source_offset, recorded_at)
select seq, event_id, event_type, pemda, fiscal_year, opd, occurred_on, document_kind, document_number, amount,
    tu, payload_sha256, source_topic, source_partition, source_offset, recorded_at
from up_ledger_v83;
drop table up_ledger_v83;
alter sequence up_ledger_seq_seq owned by up_ledger.seq;

alter table up_ledger add constraint up_ledger_tu_fkey foreign key (tu, pemda, fiscal_year)
    references up_ledger (event_id, pemda, fiscal_year);

alter table up_tu drop constraint up_tu_pkey;
alter table up_tu add primary key (event_id, pemda, fiscal_year);
alter table up_tu add constraint up_tu_event_fkey foreign key (event_id, pemda, fiscal_year)
    references up_ledger (event_id, pemda, fiscal_year);

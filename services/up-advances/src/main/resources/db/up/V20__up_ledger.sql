-- Append-only ledger of UP, GU and TU facts. No row is ever updated: a TU is settled by rows of
-- its own (tu-accounted, tu-returned) that reference its disbursement, and every figure of the
-- snapshot is a sum over this table.
create table up_ledger (
    seq              bigserial     unique,
    event_id         text primary key,
    event_type       text          not null,
    pemda            text          not null,
    fiscal_year      integer       not null,
    opd              text          not null,
    occurred_on      date          not null,
    document_kind    text          not null,
    document_number  text          not null,
    amount           numeric(18,2),
    tu               text references up_ledger (event_id),
    payload_sha256   bytea         not null,
    source_topic     text          not null,
    source_partition integer       not null,
    source_offset    bigint        not null,
    recorded_at      timestamptz   not null default now(),
    check ((event_type = 'up-closed' and amount is null) or (event_type <> 'up-closed' and amount > 0)),
    check ((event_type in ('tu-accounted', 'tu-returned')) = (tu is not null))
);

create index up_ledger_opd on up_ledger (pemda, fiscal_year, opd, event_type);
create index up_ledger_tu on up_ledger (tu) where tu is not null;

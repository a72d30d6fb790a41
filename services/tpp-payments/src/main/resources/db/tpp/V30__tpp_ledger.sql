-- Append-only ledger of TPP stages: at most one row per OPD, month and stage, and a stage only
-- after the one before it (checked when writing). Realisation of category tpp is the sum of the
-- SP2D rows.
create table tpp_ledger (
    seq              bigserial     unique,
    event_id         text primary key,
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
    unique (pemda, fiscal_year, opd, month, stage)
);

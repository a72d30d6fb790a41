-- Append-only ledger of PAD receipts (STS) and their reversals; no row is ever updated.
-- The revenue type is not stored: it is derived from the account by configuration, so a
-- changed mapping applies to the whole year.
create table pad_ledger (
    event_id         text primary key,
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
    reverses         text references pad_ledger (event_id),
    payload_sha256   bytea         not null,
    source_topic     text          not null,
    source_partition integer       not null,
    source_offset    bigint        not null,
    recorded_at      timestamptz   not null default now(),
    check ((reverses is null and amount > 0) or (reverses is not null and amount < 0))
);

create index pad_ledger_reverses on pad_ledger (reverses) where reverses is not null;

-- Year-to-date receipts per collecting OPD and account, maintained in the same transaction as
-- the ledger rows it sums.
create table pad_total (
    pemda             text          not null,
    fiscal_year       integer       not null,
    opd               text          not null,
    account           text          not null,
    realised          numeric(18,2) not null,
    last_receipt_on   date,
    events            bigint        not null,
    primary key (pemda, fiscal_year, opd, account)
);

-- Append-only ledger of realisation events. Reversals are rows of their own with a negative
-- amount that reference the original; no row is ever updated.
create table spending_ledger (
    event_id         text primary key,
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
    reverses         text references spending_ledger (event_id),
    payload_sha256   bytea         not null,
    source_topic     text          not null,
    source_partition integer       not null,
    source_offset    bigint        not null,
    recorded_at      timestamptz   not null default now(),
    check ((reverses is null and amount > 0) or (reverses is not null and amount < 0))
);

create index spending_ledger_reverses on spending_ledger (reverses) where reverses is not null;
create index spending_ledger_opd on spending_ledger (pemda, fiscal_year, opd, category);

-- Year-to-date realisation per OPD and category, maintained in the same transaction as the
-- ledger rows it sums; a test recomputes it from the ledger.
create table spending_total (
    pemda       text          not null,
    fiscal_year integer       not null,
    opd         text          not null,
    category    text          not null,
    realised    numeric(18,2) not null,
    events      bigint        not null,
    primary key (pemda, fiscal_year, opd, category)
);

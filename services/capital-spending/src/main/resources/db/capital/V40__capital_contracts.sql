-- Append-only ledger of every accepted capital event (contract signed, progress reported,
-- handed over, payment, payment reversed). No row is ever updated.
create table capital_event (
    event_id          text primary key,
    event_type        text          not null,
    pemda             text          not null,
    fiscal_year       integer       not null,
    opd               text          not null,
    contract_id       text          not null,
    occurred_on       date          not null,
    document_kind     text          not null,
    document_number   text          not null,
    amount            numeric(18,2),
    physical_progress numeric(5,2) check (physical_progress between 0 and 100),
    stage             text,
    reverses          text references capital_event (event_id),
    payload_sha256    bytea         not null,
    source_topic      text          not null,
    source_partition  integer       not null,
    source_offset     bigint        not null,
    recorded_at       timestamptz   not null default now()
);

create index capital_event_contract on capital_event (contract_id, event_type);
create index capital_event_reverses on capital_event (reverses) where reverses is not null;

-- The state of each contract, maintained in the same transaction as the ledger rows it
-- derives from: progress in force (the highest accepted report), paid net of reversals, BAST.
create table capital_contract (
    contract_id       text primary key,
    event_id          text          not null references capital_event (event_id),
    pemda             text          not null,
    fiscal_year       integer       not null,
    opd               text          not null,
    sub_activity      text          not null,
    account           text          not null,
    supplier          text          not null,
    contract_value    numeric(18,2) not null check (contract_value > 0),
    signed_on         date          not null,
    planned_end       date          not null,
    physical_progress numeric(5,2)  not null default 0,
    paid              numeric(18,2) not null default 0,
    handed_over_on    date,
    check (paid >= 0 and paid <= contract_value)
);

create index capital_contract_year on capital_contract (pemda, fiscal_year, opd);

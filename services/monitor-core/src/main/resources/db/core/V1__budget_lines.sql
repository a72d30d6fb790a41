-- Budget lines (DPA) of this service's category. budget_revision is the append-only history
-- of every accepted budget-line event; budget_line holds the revision in force per line.
create table budget_revision (
    event_id         text primary key,
    line_id          text          not null,
    pemda            text          not null,
    fiscal_year      integer       not null,
    opd              text          not null,
    category         text          not null,
    account          text          not null,
    sub_activity     text,
    revision_number  integer       not null,
    revision_kind    text          not null,
    pagu             numeric(18,2) not null,
    cash_plan        numeric(18,2)[] not null check (cardinality(cash_plan) = 12),
    occurred_on      date          not null,
    document_kind    text          not null,
    document_number  text          not null,
    applied          boolean       not null,
    payload_sha256   bytea         not null,
    source_topic     text          not null,
    source_partition integer       not null,
    source_offset    bigint        not null,
    recorded_at      timestamptz   not null default now()
);

create index budget_revision_line on budget_revision (line_id);

create table budget_line (
    line_id          text primary key,
    pemda            text          not null,
    fiscal_year      integer       not null,
    opd              text          not null,
    category         text          not null,
    account          text          not null,
    sub_activity     text,
    revision_number  integer       not null,
    revision_kind    text          not null,
    pagu             numeric(18,2) not null,
    cash_plan        numeric(18,2)[] not null check (cardinality(cash_plan) = 12),
    event_id         text          not null references budget_revision (event_id),
    updated_at       timestamptz   not null default now()
);

create index budget_line_year on budget_line (pemda, fiscal_year, opd, category);

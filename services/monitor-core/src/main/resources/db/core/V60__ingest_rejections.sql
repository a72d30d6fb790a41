-- Records the ledger stage rejected (a reversal of an event not stored yet, a payment above its
-- contract …), remembered by eventId and payload so that the same record read again, by a
-- replay under a new consumer group or a re-send, gets the same answer after the ledger moved
-- on: the same stream always gives the same ledger. V60: after every service's own migrations.
create table ingest_rejection (
    topic          text        not null,
    event_id       text        not null,
    payload_sha256 bytea       not null,
    reason         text        not null,
    field          text        not null,
    value          text        not null,
    detail         text        not null,
    rejected_at    timestamptz not null default now(),
    primary key (topic, event_id, payload_sha256)
);

-- The ids the TPP ledger holds, one row per (pemda, event_id) whatever the year (issue 11).
-- The ledger's own key holds its partition columns, (event_id, pemda, fiscal_year): a look-up of
-- a run's ids by region alone had to probe every year's partition, and TPP's ledger adds a year
-- partition every year (a benchmark over 101 years spent 258 s of 304 s in that look-up). Here
-- it is one probe per id, and the key is the database's own guard of an id reused in another
-- year of the region (EVENT_ID_CONFLICT), which the look-up alone left to a race between two
-- writers. Written with the ledger, in the same transaction; append-only like it (the ledger
-- guard grants SELECT, INSERT); apbd_drop_region_year deletes a region-year's rows by its
-- pemda and fiscal_year columns, like those of the other tables beside the ledgers.
create table tpp_event_id (
    pemda          text          not null,
    event_id       text collate "C" not null,
    fiscal_year    integer       not null,
    payload_sha256 bytea         not null,
    primary key (pemda, event_id)
);

-- an id stored twice in one region (possible before this key, by that race) keeps its first row
insert into tpp_event_id (pemda, event_id, fiscal_year, payload_sha256)
select pemda, event_id, fiscal_year, payload_sha256 from tpp_ledger order by seq
on conflict do nothing;

-- Ids compare byte by byte ("C"), not by the database's locale: an id is an opaque code, so
-- locale-aware collation only cost every btree step of the ledger's key (a fifth of a COPY
-- into a table keyed by text, and about half of the look-up of a run's ids, issue 11), and an
-- index ordered by the C library's collation can silently break when that library changes on an
-- upgrade. Changing a column's collation rebuilds the indexes on it, not the table.
alter table up_ledger
    alter column event_id type text collate "C",
    alter column tu type text collate "C";
alter table up_tu
    alter column event_id type text collate "C";

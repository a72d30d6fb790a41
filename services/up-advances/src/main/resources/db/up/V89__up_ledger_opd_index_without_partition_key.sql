-- up_ledger_opd without the partition key (issue 11). A leaf partition holds one region-year, so
-- (pemda, fiscal_year) led every entry of its index with the same two values, and before the
-- first ANALYZE of a partition the planner took that index, far smaller than the key's, for the
-- look-up of an id: `pemda = ? and fiscal_year = ?` as the index condition, the event id as a
-- filter over every row of the year. The foreign key of a settlement to its TU (up_ledger_tu_fkey)
-- is checked by such a look-up, planned once per connection: a COPY of 2,000 rows took 0.26 s
-- into an empty year and 1.8 s ten batches later, until autovacuum's first ANALYZE. Led by the
-- OPD, the index cannot serve a look-up by id; the OPD queries name pemda and fiscal_year, which
-- prune them to the region-year's partition, and use it as before.
drop index up_ledger_opd;
create index up_ledger_opd on up_ledger (opd, event_type);

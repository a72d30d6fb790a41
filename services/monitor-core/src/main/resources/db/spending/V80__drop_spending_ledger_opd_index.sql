-- No query of the services reads the ledger by OPD: the snapshot reads spending_total, a
-- reversal finds its original by event_id and its earlier reversals by `reverses`. The index
-- only cost every stored row a second btree insert (issue 11).
drop index if exists spending_ledger_opd;

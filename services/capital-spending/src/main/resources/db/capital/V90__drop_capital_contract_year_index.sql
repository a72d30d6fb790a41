-- No query reads the contracts by year and OPD since the snapshot reads capital_total (V74): the
-- run looks its contracts up by the key (contract_id, pemda). The index was worse than unused: a
-- plan made while the table's statistics were stale (a drain started on an empty table, before
-- autovacuum's first analyze) read every contract of the region through it and filtered them
-- against the run's ids, a cost that grew with the region's contracts (issue 11). V90: a number
-- no other service's migrations use.
drop index if exists capital_contract_year;

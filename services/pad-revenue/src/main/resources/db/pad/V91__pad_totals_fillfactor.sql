-- Every poll's upsert updates rows of pad_total and pad_receipt_day in place (a drain of
-- 200,000 receipts: 63,000 rows in 97 upserts, 4.2 ms each, the database's second cost after
-- the COPY; issue 11). A page kept half free holds the new version of its rows, so PostgreSQL
-- updates them heap-only (HOT: no new entry in the key's index) and prunes the old versions on
-- the page. Pages written before this file keep their fill until rewritten. V91: a number no
-- other service's migrations use.
alter table pad_total set (fillfactor = 50);
alter table pad_receipt_day set (fillfactor = 50);

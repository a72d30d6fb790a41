-- Receipts not reversed in full, counted per collecting OPD, account and day: what the rule
-- pad_receipt_on_zero_target counts (receipts dated after a revision), read by every snapshot
-- refresh in rows per day and account instead of a scan of the whole ledger. Maintained in the
-- same transaction as the ledger rows it counts: +1 for a receipt, -1 when a reversal takes the
-- last of it back.
create table pad_receipt_day (
    pemda           text    not null,
    fiscal_year     integer not null,
    opd             text    not null,
    account         text    not null,
    occurred_on     date    not null,
    -- no check (>= 0): PostgreSQL checks the row an upsert proposes (a -1) before it finds the conflict
    open_receipts   bigint  not null,
    primary key (pemda, fiscal_year, opd, occurred_on, account)
);

insert into pad_receipt_day (pemda, fiscal_year, opd, account, occurred_on, open_receipts)
select p.pemda, p.fiscal_year, p.opd, p.account, p.occurred_on, count(*)
from pad_ledger p
where p.reverses is null
  and p.amount + coalesce((select sum(r.amount) from pad_ledger r where r.reverses = p.event_id), 0) > 0
group by p.pemda, p.fiscal_year, p.opd, p.account, p.occurred_on;

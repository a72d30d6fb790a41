-- The reference of a reversal to its original, checked by a trigger (db/core/V92 says why).
select apbd_check_references('spending_ledger', 'reverses', 'spending_ledger_reverses_fkey');

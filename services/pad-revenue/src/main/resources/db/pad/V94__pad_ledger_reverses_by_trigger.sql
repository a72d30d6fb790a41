-- The reference of a reversal to its original receipt, checked by a trigger (db/core/V92 says why).
select apbd_check_references('pad_ledger', 'reverses', 'pad_ledger_reverses_fkey');

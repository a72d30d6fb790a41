-- The reference of a TU settlement to its TU, checked by a trigger (db/core/V92 says why).
select apbd_check_references('up_ledger', 'tu', 'up_ledger_tu_fkey');

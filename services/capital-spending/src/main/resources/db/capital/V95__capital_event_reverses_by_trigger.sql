-- The reference of a reversal to its original payment, checked by a trigger (db/core/V92 says why).
select apbd_check_references('capital_event', 'reverses', 'capital_event_reverses_fkey');

-- A ledger row's reference to another row of its own ledger (a reversal to its original, a TU
-- settlement to its TU), (column, pemda, fiscal_year) → (event_id, pemda, fiscal_year), checked
-- by a trigger that fires for the rows that hold one, instead of a foreign key (issue 11). A
-- foreign key queues an after-row event for every inserted row, a null reference too, and reads
-- each row back from the heap when the statement ends: on this machine a COPY of 200,000 rows
-- into the partitioned spending ledger took 12 % longer with it (five alternating rounds:
-- 111,572 against 127,578 rows/s), where a trigger's WHEN clause is evaluated before anything is
-- queued (125,482 rows/s). The check is the foreign key's: at the end of each statement, so rows
-- copied together may refer to each other; the row referred to locked FOR KEY SHARE; the same
-- SQLSTATE (23503). Nothing needs the key's other side: the service role may not delete or
-- update ledger rows (afterMigrate__ledger_guard.sql), and apbd_drop_region_year drops a row
-- and a row referring to it together (one region-year).
--
-- apbd_check_references(ledger, column, key) drops the foreign key `key` and creates the
-- trigger `<ledger>_<column>` and its function `<ledger>_check_<column>`; a feature's migration
-- calls it for its ledger. Security definer: the service role may not lock ledger rows (FOR KEY
-- SHARE needs UPDATE), as the foreign key's own check runs as the table's owner.
create function apbd_check_references(ledger regclass, reference text, key text) returns void
language plpgsql set search_path from current as $$
declare
    name text := (select relname from pg_class where oid = ledger);
    checker text := name || '_check_' || reference;
begin
    execute format('alter table %s drop constraint %I', ledger, key);
    execute format($function$
        create function %1$I() returns trigger
        language plpgsql security definer set search_path from current as $check$
        begin
            perform 1 from %2$s
            where event_id = new.%3$I and pemda = new.pemda and fiscal_year = new.fiscal_year
            for key share;
            if not found then
                raise foreign_key_violation using
                    message = format('%2$s.%3$s %%s refers to no event of region %%s and fiscal year %%s',
                            new.%3$I, new.pemda, new.fiscal_year),
                    table = %4$L, constraint = %5$L;
            end if;
            return null;
        end
        $check$
        $function$, checker, ledger, reference, name, name || '_' || reference);
    execute format('revoke execute on function %I() from public', checker);
    execute format('create constraint trigger %I after insert on %s for each row when (new.%I is not null) '
            'execute function %I()', name || '_' || reference, ledger, reference, checker);
end
$$;
revoke execute on function apbd_check_references(regclass, text, text) from public;

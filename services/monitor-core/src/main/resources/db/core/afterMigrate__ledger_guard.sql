-- The database guards the ledger (issue 8). Flyway runs this callback after every migrate, as
-- the owner role (spring.flyway.user), which owns the schema and every table in it. The service
-- role (spring.datasource.username, placeholder service_role) gets only what ingestion needs:
--   ledgers (append-only history):          SELECT, INSERT
--   totals and states kept beside them:     SELECT, INSERT, UPDATE
-- never DELETE, TRUNCATE, REFERENCES, TRIGGER, and no DROP or ALTER (only an owner may). Grants
-- are recomputed on every start, so a table added by a later migration is covered: a new
-- append-only table belongs in `ledgers`, a table the service must delete from in `deletable`.
-- Partitions, those of a migration and those PartitionMaintenance creates after it, stay without
-- any grant to the service role.
-- When both roles are the same (a single-role development set-up) there is nothing to guard
-- against: the callback only says so.
do $guard$
declare
    service_role text := '${service_role}';
    target_schema text := '${flyway:defaultSchema}';
    ledgers text[] := array['budget_revision', 'spending_ledger', 'up_ledger', 'tpp_ledger',
                            'tpp_event_id', 'capital_event', 'pad_ledger', 'ingest_rejection'];
    deletable text[] := array[]::text[];
    t record;
begin
    if service_role = '' or service_role = current_user then
        raise warning 'ledger guard not applied: the service role % runs the migrations itself', current_user;
        return;
    end if;
    -- instances starting together on a new database grant at the same time: two grants on one
    -- schema or table fail the second with 'tuple concurrently updated'; they take turns
    perform pg_advisory_xact_lock(hashtext('apbd ledger guard ' || target_schema));
    execute format('grant usage on schema %I to %I', target_schema, service_role);
    execute format('revoke create on schema %I from %I', target_schema, service_role);
    execute format('revoke all on all tables in schema %I from %I', target_schema, service_role);
    -- a partition (db/core/V82) gets no grant: the service reads and appends through its ledger,
    -- which checks the ledger's privileges only, and may not address a partition directly
    for t in select c.relname as tablename from pg_class c
             where c.relnamespace = target_schema::regnamespace and c.relkind in ('r', 'p')
               and not c.relispartition and c.relname <> 'flyway_schema_history' loop
        if t.tablename = any (ledgers) then
            execute format('grant select, insert on %I.%I to %I', target_schema, t.tablename, service_role);
        elsif t.tablename = any (deletable) then
            execute format('grant select, insert, update, delete on %I.%I to %I', target_schema, t.tablename, service_role);
        else
            execute format('grant select, insert, update on %I.%I to %I', target_schema, t.tablename, service_role);
        end if;
    end loop;
    -- bigserial columns (seq of up_ledger, tpp_ledger) draw from sequences
    execute format('grant usage, select on all sequences in schema %I to %I', target_schema, service_role);
end
$guard$;

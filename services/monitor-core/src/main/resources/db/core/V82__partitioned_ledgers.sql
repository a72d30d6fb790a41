-- Ledgers partitioned by region and fiscal year (issue 12): a year or a region can be dropped or
-- replayed without touching the rest. Every ledger is `partition by list (pemda)`, each region's
-- partition `partition by list (fiscal_year)`, with a DEFAULT partition at both levels so that an
-- insert never fails for want of a partition (a record must never stall a topic nor go to the
-- dead-letter topic because a partition is missing). Two levels rather than one range over
-- (pemda, fiscal_year): a region is one subtree, its years are found by list bounds, and a
-- region's look-up by (pemda, event_id) prunes to that subtree whatever the years.
--
-- Partitions are created by apbd_ensure_partitions, run as the owner after every migrate for
-- every configured region and open fiscal year (PartitionMaintenance), and dropped by
-- apbd_drop_region_year (docs/operations.md "Drop and replay a region-year"). A ledger is any
-- top-level partitioned table of the schema: the functions need no list of them.
--
-- Keys include the partition columns: (event_id, pemda, fiscal_year), event_id first so that a
-- look-up by (pemda, event_id) in a region's partitions is an index probe without the year
-- (an id reused in another year of the same region stays EVENT_ID_CONFLICT). Foreign keys into
-- a ledger are composite: (x, pemda, fiscal_year) references (event_id, pemda, fiscal_year).

-- The partition of `parent` whose bound is `bound` ('FOR VALUES IN (...)' or 'DEFAULT'), or null.
create function apbd_partition(parent regclass, bound text) returns regclass
language sql stable set search_path from current as $$
    select c.oid::regclass
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = parent and pg_get_expr(c.relpartbound, c.oid) = bound
$$;

-- The list partition of `parent` for `literal` (an SQL literal: '34.04' quoted, or 2026) named
-- `name`, created when missing. Rows of it already in the parent's default partition are moved
-- into it: creating a partition fails while the default holds rows that belong to it.
create function apbd_ensure_partition(parent regclass, name text, key text, literal text,
        subpartition_key text) returns regclass
language plpgsql set search_path from current as $$
declare
    existing regclass := to_regclass(quote_ident(name));
    fallback regclass;
    moved bigint := 0;
    fk record;
    keys text[] := array[]::text[];
    statement text;
begin
    -- by its name first: a look-up by bound reads every partition's bound (546 regions at every
    -- start would be quadratic)
    if existing is not null and exists (select 1 from pg_inherits where inhrelid = existing and inhparent = parent) then
        return existing;
    end if;
    existing := apbd_partition(parent, format('FOR VALUES IN (%s)', literal));
    if existing is not null then
        return existing;
    end if;
    fallback := apbd_partition(parent, 'DEFAULT');
    if fallback is null or not apbd_holds(fallback, key, literal) then
        if subpartition_key is null then
            execute format('create table %I partition of %s for values in (%s)', name, parent, literal);
        else
            execute format('create table %I partition of %s for values in (%s) partition by list (%I)',
                    name, parent, literal, subpartition_key);
            execute format('create table %I partition of %I default', name || '_default', name);
        end if;
        return name::regclass;
    end if;
    -- rows in the default: build the partition beside the parent, move them, attach it. A row
    -- moved out of a partition is a row deleted from it for a foreign key into the ledger (checked
    -- against that partition, not the ledger), so those keys are dropped while the rows move and
    -- added again (validated) after: rare, at start-up, in one transaction.
    for fk in select c.conrelid::regclass as tab, c.conname, pg_get_constraintdef(c.oid) as def
              from pg_constraint c
              where c.contype = 'f' and c.conparentid = 0 and c.confrelid = pg_partition_root(parent) loop
        execute format('alter table %s drop constraint %I', fk.tab, fk.conname);
        keys := keys || format('alter table %s add constraint %I %s', fk.tab, fk.conname, fk.def);
    end loop;
    if subpartition_key is null then
        execute format('create table %I (like %s including defaults including constraints)', name, parent);
    else
        execute format('create table %I (like %s including defaults including constraints) partition by list (%I)',
                name, parent, subpartition_key);
        execute format('create table %I partition of %I default', name || '_default', name);
    end if;
    execute format('with moved as (delete from %s where %I = %s returning *) insert into %I select * from moved',
            fallback, key, literal, name);
    get diagnostics moved = row_count;
    execute format('alter table %s attach partition %I for values in (%s)', parent, name, literal);
    foreach statement in array keys loop
        execute statement;
    end loop;
    raise notice 'partition % created with % rows moved out of %', name, moved, fallback;
    return name::regclass;
end
$$;

create function apbd_holds(partition regclass, key text, literal text) returns boolean
language plpgsql stable set search_path from current as $$
declare
    found boolean;
begin
    execute format('select exists (select 1 from %s where %I = %s)', partition, key, literal) into found;
    return found;
end
$$;

-- The partitions of one region and these fiscal years in every ledger of the schema (idempotent).
-- Names: <ledger>_<pemda>, <ledger>_<pemda>_<year>, <ledger>_<pemda>_default, <ledger>_default.
create function apbd_ensure_partitions(pemda text, fiscal_years integer[]) returns void
language plpgsql set search_path from current as $$
declare
    ledger record;
    region regclass;
    region_name text;
    year integer;
begin
    for ledger in select c.oid::regclass as parent, c.relname from pg_class c
                  where c.relnamespace = current_schema()::regnamespace and c.relkind = 'p'
                    and not c.relispartition order by c.relname loop
        region := apbd_ensure_partition(ledger.parent,
                ledger.relname || '_' || regexp_replace(lower(pemda), '[^a-z0-9]+', '_', 'g'),
                'pemda', quote_literal(pemda), 'fiscal_year');
        select relname into region_name from pg_class where oid = region;
        foreach year in array fiscal_years loop
            perform apbd_ensure_partition(region, region_name || '_' || year, 'fiscal_year', year::text, null);
        end loop;
    end loop;
end
$$;

-- Drops one region-year: detaches and drops its partition of every ledger (an empty one takes its
-- place), deletes its rows from the defaults and from every other table of the schema that has
-- pemda and fiscal_year columns (totals, lines in force); other regions and years are not
-- touched. Replaying the topics then rebuilds it (docs/operations.md). Returns what it did.
create function apbd_drop_region_year(pemda text, fiscal_year integer) returns setof text
language plpgsql set search_path from current as $$
declare
    t record;
    region regclass;
    part regclass;
    fk record;
    name text;
    n bigint;
begin
    -- derived tables first: they reference the ledgers, and a referenced partition detaches
    -- only when nothing refers to its rows
    for t in select c.oid::regclass as tab from pg_class c
             where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r' and not c.relispartition
               and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'pemda')
               and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'fiscal_year')
             order by c.relname loop
        execute format('delete from %s where pemda = %L and fiscal_year = %s', t.tab, pemda, fiscal_year);
        get diagnostics n = row_count;
        return next format('%s: %s rows deleted', t.tab, n);
    end loop;
    for t in select c.oid::regclass as tab from pg_class c
             where c.relnamespace = current_schema()::regnamespace and c.relkind = 'p' and not c.relispartition
             order by c.relname loop
        region := apbd_partition(t.tab, format('FOR VALUES IN (%L)', pemda));
        part := case when region is null then null else apbd_partition(region, format('FOR VALUES IN (%s)', fiscal_year)) end;
        if part is not null then
            -- a partition detaches only when no row refers to its rows: those within it (a
            -- reversal and its original, one region-year) go first, in one statement
            for fk in select a.attname from pg_constraint c
                      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                      where c.contype = 'f' and c.conparentid = 0 and c.conrelid = t.tab and c.confrelid = t.tab loop
                execute format('delete from %s where %I is not null', part, fk.attname);
            end loop;
            select relname into name from pg_class where oid = part;
            execute format('alter table %s detach partition %s', region, part);
            execute format('drop table %s', part);
            -- an empty one in its place: the replay lands in it, not in the region's default
            execute format('create table %I partition of %s for values in (%s)', name, region, fiscal_year);
            return next format('%s: partition %s dropped and created empty', t.tab, name);
        end if;
        -- rows of an unconfigured region or year wait in a default partition
        execute format('delete from %s where pemda = %L and fiscal_year = %s', t.tab, pemda, fiscal_year);
        get diagnostics n = row_count;
        if n > 0 then
            return next format('%s: %s rows deleted from a default partition', t.tab, n);
        end if;
    end loop;
end
$$;

-- owner only: a function is executable by PUBLIC unless revoked
revoke execute on function apbd_partition(regclass, text) from public;
revoke execute on function apbd_ensure_partition(regclass, text, text, text, text) from public;
revoke execute on function apbd_holds(regclass, text, text) from public;
revoke execute on function apbd_ensure_partitions(text, integer[]) from public;
revoke execute on function apbd_drop_region_year(text, integer) from public;

-- budget_revision: copy into the partitioned table, swap. budget_line, the revision in force per
-- line, becomes keyed by region and year too (a line id of one region is not another's).
alter table budget_line drop constraint budget_line_event_id_fkey;
alter table budget_revision rename to budget_revision_v81;
alter index budget_revision_pkey rename to budget_revision_v81_pkey;
alter index budget_revision_line rename to budget_revision_v81_line;

create table budget_revision (
    event_id         text          not null,
    line_id          text          not null,
    pemda            text          not null,
    fiscal_year      integer       not null,
    opd              text          not null,
    category         text          not null,
    account          text          not null,
    sub_activity     text,
    revision_number  integer       not null,
    revision_kind    text          not null,
    pagu             numeric(18,2) not null,
    cash_plan        numeric(18,2)[] not null check (cardinality(cash_plan) = 12),
    occurred_on      date          not null,
    document_kind    text          not null,
    document_number  text          not null,
    applied          boolean       not null,
    payload_sha256   bytea         not null,
    source_topic     text          not null,
    source_partition integer       not null,
    source_offset    bigint        not null,
    recorded_at      timestamptz   not null default now(),
    primary key (event_id, pemda, fiscal_year)
) partition by list (pemda);

create table budget_revision_default partition of budget_revision default;
create index budget_revision_line on budget_revision (line_id);

-- the regions and years already stored get their partitions before the copy
select apbd_ensure_partitions(pemda, array_agg(distinct fiscal_year))
from budget_revision_v81 group by pemda;

insert into budget_revision select * from budget_revision_v81;
drop table budget_revision_v81;

alter table budget_line drop constraint budget_line_pkey;
alter table budget_line add primary key (pemda, fiscal_year, line_id);
alter table budget_line add constraint budget_line_event_fkey foreign key (event_id, pemda, fiscal_year)
    references budget_revision (event_id, pemda, fiscal_year);

-- libs/service-kit, Flyway callback after every migration (issue 15 §4): the service runs with its own runtime login
-- (${runtime_role}, quarkus.datasource.username), not with the owner that runs these migrations (quarkus.flyway.username).
-- The runtime login may read and write the service's tables, but of audit_record only read and insert: it owns nothing of
-- it, so it can neither change nor delete rows nor disable the append-only triggers (ALTER TABLE needs the owner).
-- With runtime_ddl = true (reporting: its rebuilds create schemas and switch views at run time) the runtime login owns
-- every other table, view and schema instead, still not audit_record; the owner must then be a member of the runtime
-- role (GRANT <runtime> TO <owner>) to hand them over. Where both are the same login (a setup that has only one) there is
-- nothing to do; a runtime login that does not exist yet fails the migration, so the start is retried once it does.
do $$
declare
    runtime text := '${runtime_role}';
    r record;
begin
    if runtime = current_user then
        return;
    end if;
    if not exists (select from pg_roles where rolname = runtime) then
        -- fail the start (and let it be retried) rather than run a service whose login has no grants
        raise exception 'the runtime login % does not exist yet: create it (CloudNativePG managed role, deploy/local/up, compose) before the service starts', runtime;
    end if;
    execute format('grant usage on schema public to %I', runtime);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('grant usage, select, update on all sequences in schema public to %I', runtime);
    if '${runtime_ddl}' = 'true' then
        execute format('grant create on database %I to %I', current_database(), runtime);
        execute format('grant create on schema public to %I', runtime);
        -- schemas first: a table's new owner needs CREATE on its schema
        for r in select nspname from pg_namespace where nspname like 'rp\_v%' and pg_get_userbyid(nspowner) <> runtime loop
            execute format('alter schema %I owner to %I', r.nspname, runtime);
        end loop;
        for r in select n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where (n.nspname = 'public' or n.nspname like 'rp\_v%') and c.relkind in ('r', 'v', 'm', 'p')
                   and c.relname not in ('audit_record', 'flyway_schema_history')
                   and pg_get_userbyid(c.relowner) <> runtime loop
            execute format('alter %s %I.%I owner to %I', case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
                else 'table' end, r.nspname, r.relname, runtime);
        end loop;
    end if;
    -- audit_record: read and append only, whatever was granted above
    if exists (select from pg_class where relname = 'audit_record' and relnamespace = 'public'::regnamespace) then
        execute format('revoke update, delete, truncate, references, trigger on audit_record from %I', runtime);
        execute format('grant select, insert on audit_record to %I', runtime);
    end if;
end
$$;

-- Flyway callback, after every migration (so a role created after the schema still gets its grant): benefit-calculation
-- and job-placement decrypt the health facts and free texts they need with the persons' keys, read through a role that may
-- read this one table and nothing else (docs/architecture.md, Keys). The role is created by district IT (CNPG managed role,
-- deploy/local/up, compose); without it there is nothing to grant.
do $$
begin
    if exists (select from pg_roles where rolname = 'person_key_reader') then
        execute 'grant select on person_key to person_key_reader';
    end if;
end
$$;

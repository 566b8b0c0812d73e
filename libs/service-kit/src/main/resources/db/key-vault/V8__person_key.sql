-- The person keys of crypto-shredding (service-kit PersonKeys), for a service whose tests need the table in their own
-- database. In a running system client-registry owns the table (its V10 created it) and the services that only
-- decrypt read it through their own read-only datasource (aeh.keys.datasource; docs/architecture.md, Keys).
create table if not exists person_key (
    key_id       text primary key,
    person_id    uuid not null unique,
    key_material bytea,
    created_at   timestamptz not null default now(),
    erased_at    timestamptz
);

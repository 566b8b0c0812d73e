-- client-registry's own tables besides the event store (libs/event-store: V1).

-- Per-person data keys (crypto-shredding): deleting the key makes the person's encrypted data in
-- every copy of the log unreadable.
create table person_key (
    key_id      text primary key,
    person_id   uuid not null unique,
    key_material bytea,
    created_at  timestamptz not null default now(),
    erased_at   timestamptz
);

-- Running case numbers per municipality: BG-<AGS>-<number>.
create table case_number (
    municipality text primary key,
    last_number  bigint not null
);

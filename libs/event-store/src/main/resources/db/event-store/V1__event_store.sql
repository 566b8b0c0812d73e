-- Event store, transactional outbox and idempotency keys of a write service (libs/event-store).

-- One row per stream with its current version: the optimistic-concurrency check of an append.
create table es_stream (
    stream_id   text primary key,
    version     bigint not null,
    updated_at  timestamptz not null default now()
);

-- The events themselves, append-only. global_position orders all events of this service.
create table es_event (
    global_position bigserial primary key,
    event_id        uuid not null unique,
    stream_id       text not null,
    stream_version  bigint not null,
    event_type      text not null,
    subject         text not null,
    municipality    text,
    recorded_at     timestamptz not null,
    envelope        jsonb not null,
    constraint es_event_stream_version_unique unique (stream_id, stream_version)
);
create index es_event_subject_idx on es_event (subject, global_position);

-- Written in the same transaction as es_event; the relay publishes rows in id order and deletes
-- a row only after the broker acknowledged it.
create table es_outbox (
    id              bigserial primary key,
    global_position bigint not null,
    event_id        uuid not null,
    topic           text not null,
    message_key     text not null,
    payload         text not null,
    recorded_at     timestamptz not null
);

-- Idempotency-Key of creating requests: a retry returns the first result and writes nothing twice.
create table api_idempotency (
    caller          text not null,
    idempotency_key text not null,
    request_hash    text not null,
    status          int not null,
    location        text,
    response_body   text,
    created_at      timestamptz not null default now(),
    primary key (caller, idempotency_key)
);

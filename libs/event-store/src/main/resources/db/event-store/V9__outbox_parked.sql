-- Outbox rows the broker refused for good (too large, invalid): moved here by the relay, with the reason. Later rows of
-- the same case (message key) wait in es_outbox until the row is dealt with (docs/operations.md, "A parked outbox row");
-- every other case's rows go on.
create table es_outbox_parked (
    id              bigint primary key,
    global_position bigint not null,
    event_id        uuid not null,
    topic           text not null,
    message_key     text not null,
    recorded_at     timestamptz not null,
    reason          text not null,
    parked_at       timestamptz not null default now()
);
create index es_outbox_parked_key on es_outbox_parked (message_key);

-- Consumer side of libs/event-store: deduplication, checkpoints and parked cases.

-- Every event a consumer applied, written in the same transaction as the consumer's own rows.
create table consumer_inbox (
    consumer     text not null,
    event_id     uuid not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Last applied offset per partition, changed in the same transaction as the rows.
create table consumer_checkpoint (
    consumer    text not null,
    topic       text not null,
    partition   int not null,
    next_offset bigint not null,
    updated_at  timestamptz not null default now(),
    primary key (consumer, topic, partition)
);

-- A case whose event could not be applied: later events of the same case are dead-lettered too
-- instead of being applied out of order, until the case is released after a replay.
create table consumer_parked_case (
    consumer     text not null,
    case_id      text not null,
    first_event  text,
    reason       text not null,
    parked_at    timestamptz not null default now(),
    primary key (consumer, case_id)
);

create table consumer_dead_letter (
    id          bigserial primary key,
    consumer    text not null,
    case_id     text,
    topic       text not null,
    partition   int not null,
    record_offset bigint not null,
    event_id    text,
    reason      text not null,
    payload     text,
    recorded_at timestamptz not null default now()
);

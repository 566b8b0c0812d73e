-- Breaches of duty recorded by job placement (facts for the hearing) and cooperation-plan disputes
-- (§ 15a SGB II: no reduction while one runs, at most 4 weeks).
create table bf_breach (
    breach_id   uuid primary key,
    case_id     text not null,
    person_id   uuid not null,
    kind        text not null,
    occurred_on date not null,
    facts       text not null,
    recorded_at timestamptz not null
);
create index bf_breach_case_idx on bf_breach (case_id);

create table bf_dispute (
    event_id   uuid primary key,
    plan_id    uuid not null,
    case_id    text not null,
    person_id  uuid not null,
    started_on date not null,
    ended_on   date
);
create index bf_dispute_person_idx on bf_dispute (person_id);

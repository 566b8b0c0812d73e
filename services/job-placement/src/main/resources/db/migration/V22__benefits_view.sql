-- What job-placement knows of a case's benefits from benefit-calculation's events, so that the case
-- worker sees benefits and placement of a case together ("aus einer Hand") without a call to another service.
create table jp_benefit_decision (
    case_id         text primary key,
    decision_id     uuid not null,
    period_from     date not null,
    period_to       date not null,
    provisional     boolean not null,
    total           numeric(10, 2) not null,
    amended_from    date,
    amended_reason  text,
    terminated_from date,
    recorded_at     timestamptz not null
);

create table jp_benefit_reduction (
    event_id    uuid primary key,
    case_id     text not null,
    person_id   uuid not null,
    kind        text not null,
    percent     int not null,
    from_date   date not null,
    to_date     date not null,
    ground      text not null
);
create index jp_benefit_reduction_case_idx on jp_benefit_reduction (case_id);

-- benefit-calculation: a person's employability as registered and as changed (§ 8, § 44a SGB II), with
-- business date and recording time, so that a month's household knows who was able to work in it.
create table bf_employability (
    event_id       uuid primary key,
    case_id        text not null,
    person_id      uuid not null,
    registration   boolean not null,
    employable     boolean not null,
    effective_from date not null,
    recorded_at    timestamptz not null
);
create index bf_employability_case_idx on bf_employability (case_id);

-- The case file (issue 16 §2): what the other services recorded about a case, taken from case-events (benefit-calculation's
-- decisions, notices and postings; job-placement's profiles, plans, measures, proposals, integrations), kept as the
-- envelopes were published, so the file shows every event of the case from every service. The registry's own events
-- are read from its event store. Personal data in them stays encrypted as published.
create table case_file_event (
    event_id       uuid primary key,
    case_id        text not null,
    type           text not null,
    recorded_at    timestamptz not null,
    envelope       jsonb not null
);
create index case_file_event_case_idx on case_file_event (case_id, recorded_at);

-- Display names of staff as their tokens named them when they last called the registry: the events name only the
-- pseudonymous subject (user:<sub>); the case file resolves it for staff.
create table staff_directory (
    subject      text primary key,
    display_name text not null,
    updated_at   timestamptz not null
);

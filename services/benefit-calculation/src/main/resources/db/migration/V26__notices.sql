-- Written decisions (Bescheide, issue 16): one PDF per decision, amendment, final decision, termination and reduction.
-- The PDF is stored encrypted with a key of its own whose parts are sealed with the key of every member it names
-- (benefit_notice.shares): erasing any of them makes the stored PDF unreadable; the row's pdf is also deleted then.
create table benefit_notice (
    notice_id       uuid primary key,
    case_id         text not null,
    kind            text not null,
    source_event_id uuid not null unique,
    decision_id     uuid,
    addressee_id    uuid not null,
    person_ids      uuid[] not null,
    issued_on       date not null,
    issued_at       timestamptz not null,
    template        text not null,
    sha256          text not null,
    size_bytes      int not null,
    shares          text not null,
    pdf             bytea,
    erased_at       timestamptz
);
create index benefit_notice_case_idx on benefit_notice (case_id);
create index benefit_notice_person_idx on benefit_notice using gin (person_ids);

-- Notices still to render, written in the transaction of the event they follow (resumable: a row stays until its notice
-- is stored, or is kept as WITHHELD/FAILED with the reason for an operator).
create table notice_job (
    source_event_id uuid primary key,
    case_id         text not null,
    stream_version  bigint not null,
    hearing_on      date,
    enqueued_at     timestamptz not null,
    not_before      timestamptz not null,
    attempts        int not null default 0,
    status          text not null default 'PENDING',
    last_error      text
);
create index notice_job_due_idx on notice_job (not_before) where status = 'PENDING';

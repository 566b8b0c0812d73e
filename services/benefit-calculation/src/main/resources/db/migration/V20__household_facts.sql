-- benefit-calculation: the facts a calculation needs, taken from the registry's events. Business dates
-- (effective_from, from_month) are kept beside the recording time; corrections are new rows, the
-- latest recorded one wins for the same person, kind and date.
create table bf_case_municipality (
    event_id       uuid primary key,
    case_id        text not null,
    effective_from date not null,
    municipality   text not null,
    recorded_at    timestamptz not null
);
create index bf_case_municipality_case_idx on bf_case_municipality (case_id);

create table bf_income (
    event_id             uuid primary key,
    case_id              text not null,
    person_id            uuid not null,
    kind                 text not null,
    from_month           text not null,
    to_month             text,
    gross                numeric(12, 2) not null,
    net                  numeric(12, 2) not null,
    social_contributions numeric(12, 2) not null,
    recorded_at          timestamptz not null
);
create index bf_income_case_idx on bf_income (case_id);

create table bf_housing (
    event_id       uuid primary key,
    case_id        text not null,
    effective_from date not null,
    rent           numeric(12, 2) not null,
    heating        numeric(12, 2) not null,
    utilities      numeric(12, 2) not null,
    household_size int not null,
    recorded_at    timestamptz not null
);
create index bf_housing_case_idx on bf_housing (case_id);

create table bf_asset (
    event_id       uuid primary key,
    case_id        text not null,
    person_id      uuid not null,
    kind           text not null,
    value          numeric(14, 2) not null,
    effective_from date not null,
    recorded_at    timestamptz not null
);
create index bf_asset_case_idx on bf_asset (case_id);

-- Calculation sheets stored with each decision and amendment, one per month of the period.
create table decision_sheet (
    decision_id uuid not null,
    month       text not null,
    version     int not null,
    case_id     text not null,
    recorded_at timestamptz not null,
    sheet       jsonb not null,
    primary key (decision_id, month, version)
);
create index decision_sheet_case_idx on decision_sheet (case_id);

-- Four-eyes approval: decisions and amendments above the configured limits wait for a team lead.
create table pending_approval (
    approval_id   uuid primary key,
    case_id       text not null,
    municipality  text not null,
    kind          text not null,
    requested_by  text not null,
    requested_at  timestamptz not null,
    reason        text not null,
    command       jsonb not null,
    status        text not null,
    decided_by    text,
    decided_at    timestamptz
);
create index pending_approval_open_idx on pending_approval (municipality) where status = 'PENDING';

-- Monthly posting: exactly one posting per case and month; a run can be killed and started again.
create table monthly_posting (
    case_id     text not null,
    month       text not null,
    payable     numeric(12, 2) not null,
    posted_at   timestamptz not null,
    primary key (case_id, month)
);

create table posting_run (
    month       text primary key,
    started_at  timestamptz not null,
    finished_at timestamptz,
    cases_total int,
    posted      int not null default 0,
    skipped     int not null default 0,
    status      text not null
);

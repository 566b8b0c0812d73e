-- reporting: the facts behind the official indicators, bitemporal. Every row keeps its business
-- dates and the time the event was recorded (the envelope's time), so a figure "as known on" a date
-- only uses rows recorded by then, and retroactive changes alter past months only for later asOf.
create table rp_residence (
    event_id       uuid primary key,
    case_id        text not null,
    effective_from date not null,
    municipality   text not null,
    recorded_at    timestamptz not null
);
create index rp_residence_case_idx on rp_residence (case_id);

create table rp_person (
    person_id        uuid primary key,
    sex              text not null,
    birth_year_month text not null,
    employable       boolean not null,
    single_parent    boolean not null,
    recorded_at      timestamptz not null
);

-- membership periods: a registration or a join opens one, a leave closes it (as known then)
create table rp_membership (
    event_id    uuid primary key,
    person_id   uuid not null,
    case_id     text not null,
    change      text not null, -- JOIN or LEAVE
    effective   date not null,
    recorded_at timestamptz not null
);
create index rp_membership_person_idx on rp_membership (person_id);

create table rp_decision (
    decision_id uuid primary key,
    case_id     text not null,
    period_from date not null,
    period_to   date not null,
    replaces    uuid,
    recorded_at timestamptz not null
);
create index rp_decision_case_idx on rp_decision (case_id);

-- amounts per person from a month on: the decision's first month and every amendment
create table rp_amount (
    event_id        uuid not null,
    decision_id     uuid not null,
    case_id         text not null,
    effective_month text not null,
    person_id       uuid not null,
    llu             numeric(12, 2) not null,
    kdu             numeric(12, 2) not null,
    recorded_at     timestamptz not null,
    primary key (event_id, person_id)
);
create index rp_amount_decision_idx on rp_amount (decision_id);

create table rp_termination (
    event_id       uuid primary key,
    decision_id    uuid not null,
    effective_from date not null,
    recorded_at    timestamptz not null
);

create table rp_posting (
    event_id    uuid not null,
    case_id     text not null,
    month       text not null,
    person_id   uuid not null,
    llu         numeric(12, 2) not null,
    kdu         numeric(12, 2) not null,
    reduction   numeric(12, 2) not null,
    payable     numeric(12, 2) not null,
    recorded_at timestamptz not null,
    primary key (event_id, person_id)
);
create index rp_posting_month_idx on rp_posting (month);

create table rp_unemployment (
    event_id    uuid primary key,
    person_id   uuid not null,
    change      text not null, -- START or END
    day         date not null,
    recorded_at timestamptz not null
);

create table rp_measure (
    event_id    uuid primary key,
    measure_id  uuid not null,
    person_id   uuid not null,
    legal_basis text not null,
    category    text not null,
    change      text not null, -- START or END
    day         date not null,
    recorded_at timestamptz not null
);

create table rp_integration (
    event_id    uuid primary key,
    person_id   uuid not null,
    kind        text not null,
    start_date  date not null,
    subsidised  boolean not null,
    recorded_at timestamptz not null
);

create table rp_employment_end (
    event_id    uuid primary key,
    person_id   uuid not null,
    end_date    date not null,
    recorded_at timestamptz not null
);

create table rp_caseworker (
    event_id      uuid primary key,
    case_id       text not null,
    caseworker_id text not null,
    function      text not null,
    recorded_at   timestamptz not null
);

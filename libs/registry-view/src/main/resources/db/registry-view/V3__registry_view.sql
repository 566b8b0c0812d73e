-- libs/registry-view: what a service knows about cases and persons from the registry's events.
create table known_case (
    case_id      text primary key,
    municipality text not null,
    opened_on    date not null,
    closed_on    date,
    updated_at   timestamptz not null
);
create index known_case_municipality_idx on known_case (municipality);

create table known_person (
    person_id        uuid primary key,
    case_id          text not null references known_case (case_id),
    role             text not null,
    birth_year_month text not null,
    sex              text not null,
    employable       boolean not null,
    single_parent    boolean not null,
    joined_on        date not null,
    left_on          date,
    erased           boolean not null default false
);
create index known_person_case_idx on known_person (case_id);

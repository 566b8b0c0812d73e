-- reporting: the first projection, monthly stocks of open cases and their members.
create table stock_case (
    case_id   text primary key,
    opened_on date not null,
    closed_on date
);

-- Responsibility over time: a case counts for the municipality responsible at the reference date.
create table stock_case_residence (
    case_id        text not null references stock_case (case_id),
    effective_from date not null,
    municipality   text not null,
    primary key (case_id, effective_from)
);

create table stock_person (
    person_id uuid primary key,
    case_id   text not null references stock_case (case_id),
    sex       text not null,
    employable boolean not null,
    joined_on date not null,
    left_on   date
);
create index stock_person_case_idx on stock_person (case_id);

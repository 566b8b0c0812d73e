-- Every measure of a person, across cases: limits such as § 16d(6) SGB II count the person's whole history.
create table jp_measure (
    measure_id  uuid primary key,
    person_id   uuid not null,
    case_id     text not null,
    legal_basis text not null,
    start_date  date not null,
    last_day    date
);
create index jp_measure_person_idx on jp_measure (person_id);

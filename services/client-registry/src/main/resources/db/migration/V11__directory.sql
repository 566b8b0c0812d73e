-- client-registry: search directory, kept in the same transaction as every append.

create table case_directory (
    case_id        text primary key,
    municipality   text not null,
    status         text not null,
    opened_on      date not null,
    closed_on      date,
    benefits_caseworker  text,
    placement_caseworker text,
    case_manager         text,
    version        bigint not null
);
create index case_directory_municipality_idx on case_directory (municipality, case_id);

-- One row per person: the case they belong to now (or last belonged to). Names in clear live only
-- here and in the encrypted events; erasure blanks them.
create table person_directory (
    person_id       uuid primary key,
    case_id         text not null references case_directory (case_id),
    municipality    text not null,
    role            text not null,
    first_name      text,
    last_name       text,
    search_name     text,
    birth_date      date,
    customer_number text,
    current_member  boolean not null,
    erased          boolean not null default false
);
create index person_directory_name_idx on person_directory (municipality, search_name, person_id);
create index person_directory_birth_idx on person_directory (birth_date);
create index person_directory_customer_idx on person_directory (customer_number);
create index person_directory_case_idx on person_directory (case_id);

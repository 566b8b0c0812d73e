-- job-placement's query tables, written in the same transaction as the events they come from.

-- Offers for matching (the write side is the stream offer-<offerId>).
create table jp_offer (
    offer_id                 uuid primary key,
    employer_id              uuid not null,
    occupation_code          text not null,
    title                    text not null,
    municipality             text not null,
    hours_per_week           numeric(5, 2) not null,
    wage                     numeric(8, 2),
    start_date               date,
    positions                int not null,
    requirements             text[] not null,
    languages                text[] not null,
    driving_licence_required boolean not null,
    status                   text not null,
    closed_on                date,
    version                  bigint not null,
    updated_at               timestamptz not null default now()
);
create index jp_offer_updated_idx on jp_offer (updated_at);

-- Client profiles for matching in the other direction (clients for an offer).
create table jp_profile (
    person_id          uuid primary key,
    case_id            text not null,
    occupations_sought text[] not null,
    qualifications     text[] not null,
    languages          text[] not null,
    driving_licence    boolean not null,
    mobility_radius_km int not null,
    max_hours_per_week numeric(5, 2),
    available_from     date,
    constraints        text[] not null,
    updated_at         timestamptz not null default now()
);
create index jp_profile_case_idx on jp_profile (case_id);

-- Cooperation plans for the due list of reviews (§ 15(3) SGB II).
create table jp_plan (
    person_id          uuid primary key,
    case_id            text not null,
    plan_id            uuid not null,
    review_by          date not null,
    dispute_started_on date
);
create index jp_plan_review_idx on jp_plan (review_by, person_id);

-- The placement case worker of a case, from the registry's caseworker-assigned events.
create table jp_case_caseworker (
    case_id        text primary key,
    caseworker_id  text not null,
    effective_from date not null
);

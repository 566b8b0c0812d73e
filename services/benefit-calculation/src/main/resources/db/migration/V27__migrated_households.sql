-- Households taken over from the old system (issue 14 §1, docs/migration.md): recorded in the transaction of the
-- household's benefit events, so a second run of the import skips them and a killed run continues where it stopped.
create table migrated_household (
    household_id  varchar(40) primary key,
    case_id       text not null,
    run_id        varchar(40) not null,
    migrated_at   timestamptz not null
);

-- Migrated decisions are taken as decided: where changed facts or new rule data would amend one, the case is listed here
-- for a case worker instead (one row per decision and cause; the latest first month wins).
create table migration_review (
    case_id       text not null,
    decision_id   uuid not null,
    cause         varchar(200) not null,
    from_month    varchar(7) not null,
    listed_at     timestamptz not null,
    primary key (decision_id, cause)
);
create index migration_review_case_idx on migration_review (case_id);

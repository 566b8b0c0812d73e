-- Households taken over from the old system (issue 14 §1, docs/migration.md): recorded in the transaction of the
-- household's placement events, so a second run of the import skips them and a killed run continues where it stopped.
create table migrated_household (
    household_id  varchar(40) primary key,
    case_id       text not null,
    run_id        varchar(40) not null,
    migrated_at   timestamptz not null
);

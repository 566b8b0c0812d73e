-- The comparison of migrated households with the engine's own computation (docs/migration.md): per month (the go-live
-- month) and case whose decision in force is a migrated one, what the migrated decision pays and what the engine computes
-- from the facts, per person LLU and KdU (full monthly amounts). A list for case workers: nothing is changed by it. A new
-- run for a month replaces that month's rows in one transaction.
create table migration_comparison (
    month            varchar(7)    not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    case_id          varchar(40)   not null,
    decision_id      uuid          not null,
    municipality     varchar(8),
    status           varchar(16)   not null check (status in ('EQUAL', 'DIFFERENT', 'FACTS_INCOMPLETE')),
    migrated_llu     numeric(12,2) not null,
    migrated_kdu     numeric(12,2) not null,
    -- null when the facts are incomplete (then problem_field and problem_message say what the engine missed)
    computed_llu     numeric(12,2),
    computed_kdu     numeric(12,2),
    -- computed - migrated (LLU + KdU)
    difference       numeric(12,2),
    problem_field    varchar(200),
    problem_message  varchar(500),
    compared_at      timestamptz   not null,
    primary key (month, case_id),
    check ((status = 'FACTS_INCOMPLETE') = (computed_llu is null)),
    check ((computed_llu is null) = (computed_kdu is null) and (computed_llu is null) = (difference is null)),
    check ((status = 'FACTS_INCOMPLETE') = (problem_field is not null))
);
-- the list for case workers: largest absolute difference first
create index migration_comparison_list_idx on migration_comparison (month, (abs(difference)) desc nulls last, case_id);

-- Per person, in the migrated decision's order (then the persons only the engine computed): null amounts where the person
-- is not in the migrated decision, or not in the engine's computation.
create table migration_comparison_person (
    month          varchar(7)    not null,
    case_id        varchar(40)   not null,
    person_id      uuid          not null,
    ordinal        smallint      not null check (ordinal >= 0),
    migrated_llu   numeric(12,2),
    migrated_kdu   numeric(12,2),
    computed_llu   numeric(12,2),
    computed_kdu   numeric(12,2),
    primary key (month, case_id, person_id)
);
-- no foreign key to migration_comparison (a key check per row): both are deleted and written only together, in the run's
-- one transaction

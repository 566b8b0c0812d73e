-- client-registry: citizens' accounts linked to cases (issue 15 §1), kept with every append like the other
-- directories, and the one-time activation codes a case worker issues for a household.

create table citizen_directory (
    citizen_id text not null,
    case_id    text not null references case_directory (case_id),
    primary key (citizen_id, case_id)
);
create index citizen_directory_case_idx on citizen_directory (case_id);

-- Only the code's SHA-256 is stored: the code itself is printed for the household once and never kept.
create table activation_code (
    code_hash  bytea primary key,
    case_id    text not null references case_directory (case_id),
    issued_by  text not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    used_by    text,
    revoked_at timestamptz
);
create index activation_code_case_idx on activation_code (case_id);

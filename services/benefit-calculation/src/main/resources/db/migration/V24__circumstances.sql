-- benefit-calculation: the circumstances of a person that change the amount (registry.circumstances-recorded), with
-- business date and recording time. The health facts stay as published: encrypted with the person's key, decrypted
-- only for a calculation, so that erasing the key in the registry erases them here too (Art. 9, 17 GDPR).
create table bf_circumstances (
    event_id                  uuid primary key,
    case_id                   text not null,
    person_id                 uuid not null,
    effective_from            date not null,
    parent_ids                uuid[] not null,
    single_parent             boolean,
    in_education              boolean not null,
    moved_out_without_consent boolean not null,
    minor_child_outside_case  boolean not null,
    health_key_id             text,
    health_alg                text,
    health_ciphertext         text,
    recorded_at               timestamptz not null
);
create index bf_circumstances_case_idx on bf_circumstances (case_id);

-- § 21(7): hot water produced in the flat (a housing declaration without the field: false)
alter table bf_housing add column decentral_hot_water boolean not null default false;

-- libs/registry-view: the citizens' accounts linked to a case (registry.citizen-linked / -unlinked, issue 15 §1): a
-- citizen reaches a case of this service through a portal only while linked to it.
create table known_case_citizen (
    citizen_id text not null,
    case_id    text not null references known_case (case_id),
    primary key (citizen_id, case_id)
);

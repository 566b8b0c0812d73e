-- The case workers' worklist (issue 16 §1): what is due on each case across all services, recomputed from the case's
-- events (the registry's own and the others' in case_file_event) whenever one arrives. visible_from: when the item
-- appears on the list; due_on: its date (sort key); expires_on: after it the item is moot (null: stays, overdue).
create table work_item (
    case_id      text not null,
    item_id      text not null,
    kind         text not null,
    function     text not null,
    person_id    uuid,
    visible_from date not null,
    due_on       date not null,
    expires_on   date,
    detail       text not null,
    primary key (case_id, item_id)
);
create index work_item_due_idx on work_item (due_on, case_id, item_id);

-- The employable members (eLb candidates) of each case with their birth month, for the caseload per case worker.
create table case_elb (
    case_id          text not null,
    person_id        uuid not null,
    birth_year_month text not null,
    primary key (case_id, person_id)
);

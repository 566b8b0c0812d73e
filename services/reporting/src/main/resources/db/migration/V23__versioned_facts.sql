-- The indicator facts live in a versioned schema; readers and the live projection use the views in
-- public. A rebuild fills the next version from offset 0 of case-events beside the live one and
-- switches the views in one transaction (zero downtime); the old version is dropped afterwards.
create schema rp_v1;
alter table rp_residence set schema rp_v1;
alter table rp_person set schema rp_v1;
alter table rp_membership set schema rp_v1;
alter table rp_decision set schema rp_v1;
alter table rp_amount set schema rp_v1;
alter table rp_termination set schema rp_v1;
alter table rp_posting set schema rp_v1;
alter table rp_unemployment set schema rp_v1;
alter table rp_measure set schema rp_v1;
alter table rp_integration set schema rp_v1;
alter table rp_employment_end set schema rp_v1;
alter table rp_caseworker set schema rp_v1;

create view rp_residence as select * from rp_v1.rp_residence;
create view rp_person as select * from rp_v1.rp_person;
create view rp_membership as select * from rp_v1.rp_membership;
create view rp_decision as select * from rp_v1.rp_decision;
create view rp_amount as select * from rp_v1.rp_amount;
create view rp_termination as select * from rp_v1.rp_termination;
create view rp_posting as select * from rp_v1.rp_posting;
create view rp_unemployment as select * from rp_v1.rp_unemployment;
create view rp_measure as select * from rp_v1.rp_measure;
create view rp_integration as select * from rp_v1.rp_integration;
create view rp_employment_end as select * from rp_v1.rp_employment_end;
create view rp_caseworker as select * from rp_v1.rp_caseworker;

create table projection_version (
    projection text primary key,
    active     int not null,
    switched_at timestamptz not null default now()
);
insert into projection_version (projection, active) values ('indicator-facts', 1);

create table projection_rebuild (
    rebuild_id      uuid primary key,
    projection      text not null,
    version         int not null,
    requested_by    text not null,
    started_at      timestamptz not null,
    switched_at     timestamptz,
    finished_at     timestamptz,
    status          text not null,
    events          bigint not null default 0,
    events_per_second numeric(12, 1),
    checksum_live   text,
    checksum_rebuilt text,
    message         text
);

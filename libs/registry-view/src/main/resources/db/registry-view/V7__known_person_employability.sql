-- libs/registry-view: when a person was registered and whether their employability was recorded since
-- (registry.employability-changed): a person registered under 15 counts as employable from the 15th
-- birthday unless a change was recorded.
alter table known_person add column registered_on date;
alter table known_person add column employability_recorded boolean not null default false;
update known_person set registered_on = joined_on where registered_on is null;

-- Employability changes with a date (registry.employability-changed, § 8, § 44a SGB II) and the date a person
-- was registered from (a person registered under 15 counts as able to work from the 15th birthday). Rows of
-- the older format have no registration date; the fact format rises to 4, so a service starting on this
-- database rebuilds the facts from the log once (docs/reporting.md).
do $$
declare
    v int := (select active from projection_version where projection = 'indicator-facts');
begin
    execute format('alter table rp_v%s.rp_person add column effective_from date', v);
    execute format('create table rp_v%s.rp_employability (event_id uuid primary key, person_id uuid not null, employable boolean not null,'
        || ' effective_from date not null, recorded_at timestamptz not null)', v);
    execute format('create index rp_employability_person_idx on rp_v%s.rp_employability (person_id, recorded_at)', v);
    execute 'drop view if exists public.rp_person';
    execute format('create view public.rp_person as select * from rp_v%s.rp_person', v);
    execute format('create view public.rp_employability as select * from rp_v%s.rp_employability', v);
end $$;
update projection_version set format = 4
 where projection = 'indicator-facts' and format = 3 and not exists (select 1 from rp_residence);

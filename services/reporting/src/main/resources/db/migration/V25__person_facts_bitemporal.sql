-- A person's facts (sex, birth month, employability, single parent) become bitemporal like every other
-- fact: one row per event, and a figure as known on a date uses the latest row recorded by then. Rows
-- of the older format get a placeholder event id; the fact format rises to 3, so a service starting
-- on this database rebuilds the facts from the log with their real ids (docs/reporting.md).
do $$
declare
    v int := (select active from projection_version where projection = 'indicator-facts');
begin
    execute format('alter table rp_v%s.rp_person add column event_id uuid', v);
    execute format('update rp_v%s.rp_person set event_id = gen_random_uuid()', v);
    execute format('alter table rp_v%s.rp_person alter column event_id set not null', v);
    execute format('alter table rp_v%s.rp_person drop constraint rp_person_pkey', v);
    execute format('alter table rp_v%s.rp_person add constraint rp_person_pkey primary key (event_id)', v);
    execute format('create index rp_person_person_idx on rp_v%s.rp_person (person_id, recorded_at)', v);
    execute format('create or replace view public.rp_person as select * from rp_v%s.rp_person', v);
end $$;
update projection_version set format = 3
 where projection = 'indicator-facts' and format = 2 and not exists (select 1 from rp_residence);

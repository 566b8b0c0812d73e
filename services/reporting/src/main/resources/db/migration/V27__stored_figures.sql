-- Stored figures (docs/reporting.md, "Stored figures"): what each fact touches is marked (rp_dirty), each person's share
-- of the figures is kept per day of knowledge (rp_contribution), and the figures' changes per unit, sex, month and day of
-- knowledge (rp_figures) answer an indicator query by adding up rows instead of folding every fact. The lookups by
-- person, decision and case are what recomputing a person needs. The fact format rises to 5: a service starting on a
-- database with facts rebuilds them once, which also fills the new tables.
do $$
declare
    v int := (select active from projection_version where projection = 'indicator-facts');
    counts text := 'elb bigint not null default 0, non_employable bigint not null default 0, single_parent_elb bigint not null default 0,'
        || ' under25_elb bigint not null default 0, lzb bigint not null default 0, lzb_in_active_measure bigint not null default 0,'
        || ' elb_inflow bigint not null default 0, elb_outflow bigint not null default 0, lzb_inflow bigint not null default 0,'
        || ' lzb_outflow bigint not null default 0, integrations bigint not null default 0,'
        || ' integrations_of_single_parents bigint not null default 0, integrations_of_lzb bigint not null default 0,'
        || ' minijob_entries bigint not null default 0, subsidised_entries bigint not null default 0,'
        || ' integrations_continued_6_months bigint not null default 0, integrations_followed_up bigint not null default 0,'
        || ' llu numeric(16, 2) not null default 0, kdu numeric(16, 2) not null default 0';
begin
    execute format('create table rp_v%s.rp_dirty (kind char(1) not null, case_id text not null default '''','
        || ' id uuid not null default ''00000000-0000-0000-0000-000000000000'', known_on date not null,'
        || ' constraint rp_dirty_pkey primary key (kind, case_id, id, known_on))', v);
    execute format('create table rp_v%s.rp_contribution (person_id uuid not null, known_on date not null, sex text not null,'
        || ' data bytea not null, constraint rp_contribution_pkey primary key (person_id, known_on))', v);
    execute format('create table rp_v%s.rp_figures (month text not null, unit text not null, sex text not null, known_on date not null, %s,'
        || ' constraint rp_figures_pkey primary key (month, unit, sex, known_on))', v, counts);
    execute format('create index rp_amount_person_idx on rp_v%s.rp_amount (person_id)', v);
    execute format('create index rp_amount_case_idx on rp_v%s.rp_amount (case_id)', v);
    execute format('create index rp_decision_replaces_idx on rp_v%s.rp_decision (replaces)', v);
    execute format('create index rp_termination_decision_idx on rp_v%s.rp_termination (decision_id)', v);
    execute format('create index rp_integration_person_idx on rp_v%s.rp_integration (person_id)', v);
    execute format('create index rp_employment_end_person_idx on rp_v%s.rp_employment_end (person_id)', v);
    execute format('create index rp_measure_person_idx on rp_v%s.rp_measure (person_id)', v);
    execute format('create view public.rp_dirty as select * from rp_v%s.rp_dirty', v);
    execute format('create view public.rp_contribution as select * from rp_v%s.rp_contribution', v);
    execute format('create view public.rp_figures as select * from rp_v%s.rp_figures', v);
end $$;
update projection_version set format = 5
 where projection = 'indicator-facts' and format = 4 and not exists (select 1 from rp_residence);

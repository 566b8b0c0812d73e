-- Case closures become an indicator fact, and the monthly stocks are computed from the versioned facts
-- (residence, membership, person, closure), so a rebuild rebuilds them too. The first projection's
-- stock tables are no longer written.
do $$
declare
    v int := (select active from projection_version where projection = 'indicator-facts');
begin
    execute format('create table rp_v%s.rp_case_closure (
        event_id    uuid primary key,
        case_id     text not null,
        closed_on   date not null,
        recorded_at timestamptz not null)', v);
    execute format('create index rp_case_closure_case_idx on rp_v%s.rp_case_closure (case_id)', v);
    execute format('create view public.rp_case_closure as select * from rp_v%s.rp_case_closure', v);
end $$;

-- The format of the facts the code writes. A version older than the code's is rebuilt at start-up
-- (zero downtime, like any rebuild); an installation without facts yet needs nothing.
alter table projection_version add column format int not null default 1;
update projection_version set format = 2
 where projection = 'indicator-facts' and not exists (select 1 from rp_residence);

drop table stock_person;
drop table stock_case_residence;
drop table stock_case;

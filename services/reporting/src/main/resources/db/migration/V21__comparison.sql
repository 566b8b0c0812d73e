-- Published indicator values of other agencies (imported from CSV), to rank the district within its
-- comparison type and its state. A later import of the same agency, month and indicator replaces the value.
create table cmp_figure (
    agency_id       text not null,
    name            text not null,
    state           text not null,
    comparison_type text not null,
    month           text not null,
    indicator       text not null,
    value           numeric(8, 1) not null,
    import_id       uuid not null,
    imported_at     timestamptz not null,
    primary key (agency_id, month, indicator)
);
create index cmp_figure_month_idx on cmp_figure (month, indicator);

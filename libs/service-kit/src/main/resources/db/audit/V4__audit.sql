-- libs/service-kit: the audit trail of a service that holds personal data.

-- Who read or wrote whose data, when and why (§ 35 SGB I, §§ 67 ff SGB X). Append-only: the
-- triggers refuse every change, and no API offers one.
create table audit_record (
    id             bigserial primary key,
    recorded_at    timestamptz not null default now(),
    actor          text not null,
    roles          text not null,
    action         text not null,
    case_id        text,
    person_id      uuid,
    purpose        text,
    correlation_id uuid
);
create index audit_record_case_idx on audit_record (case_id, id);
create index audit_record_actor_idx on audit_record (actor, id);

create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_record is append-only';
end;
$$;
create trigger audit_record_no_update before update or delete on audit_record
    for each row execute function audit_record_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_append_only();

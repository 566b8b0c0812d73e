-- libs/service-kit: a citizen's actions come through a portal (issue 15 §1); the audit names both: actor is the
-- citizen (citizen:<sub>), via the portal acting for them (portal:<client id>). Null for staff and systems.
alter table audit_record add column via text;

-- libs/registry-view: the person's identifying data as the registry sent it (registry.person-registered, field pii):
-- encrypted with the person's key, never decrypted into a table. benefit-calculation opens it only while it renders a
-- written decision; erasing the key makes it unreadable here too.
alter table known_person add column pii_key_id text;
alter table known_person add column pii_algorithm text;
alter table known_person add column pii_ciphertext text;

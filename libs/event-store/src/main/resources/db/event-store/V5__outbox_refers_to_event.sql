-- The outbox row no longer copies the event: the relay reads the envelope from es_event. One write
-- less per event, and the append becomes a single statement.
alter table es_outbox drop column payload;

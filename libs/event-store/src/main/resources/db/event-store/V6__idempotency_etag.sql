-- The stored answer of an idempotent command keeps its ETag, so a retry gets the first response whole.
alter table api_idempotency add column etag text;

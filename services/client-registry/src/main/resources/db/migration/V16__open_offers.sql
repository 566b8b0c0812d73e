-- The open job offers of the district, from job-placement's offer events on case-events (issue 16 §4): the case file
-- ranks them for each employable member with the same matching rules as job-placement (libs/matching). A closed offer
-- keeps its row (open = false) so that every replica's in-memory index (libs/matching OpenOfferIndex) learns of the
-- closing by changed_at.
create table open_offer (
    offer_id                  uuid primary key,
    occupation_code           varchar(5) not null,
    title                     varchar(200) not null,
    municipality              varchar(8) not null,
    hours_per_week            numeric(5, 2) not null,
    start_date                date,
    requirements              text[] not null,
    languages                 text[] not null,
    driving_licence_required  boolean not null,
    open                      boolean not null,
    changed_at                timestamptz not null
);
create index open_offer_changed_idx on open_offer (changed_at);

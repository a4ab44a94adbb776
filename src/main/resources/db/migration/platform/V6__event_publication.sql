-- Spring Modulith's event publication registry (schema version 2): each event handed to a module listener is kept
-- here until the listener completes, so that none is lost when a node stops between publishing and handling.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash on event_publication using hash (serialized_event);
create index event_publication_by_completion_date on event_publication (completion_date);

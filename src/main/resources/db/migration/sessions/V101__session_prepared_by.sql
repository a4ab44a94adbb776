-- The standing committee's agenda item that prepared a session (issue 13, item 9), by the ids of its meeting and item.
alter table assembly_session
    add column prepared_by_meeting_id bigint references meeting (id),
    add column prepared_by_item_id    bigint references agenda_item (id);

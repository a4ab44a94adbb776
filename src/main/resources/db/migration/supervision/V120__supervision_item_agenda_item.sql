-- The directive ledger (issue 17) looks supervised items up by the decision (agenda item) they carry out.
create index supervision_item_agenda_item on supervision_item (agenda_item_id) where agenda_item_id is not null;

-- Notices of new work (issue 12, item 6): besides the warning colours, a notice is raised when a decision arrives in
-- the office's inbox (a proposal, before any item exists), an item is assigned to a unit, returned by it, sent back
-- to it, or its extension is decided. Such a notice concerns an item or a proposal; one warning stays noticed once.
alter table supervision_notice alter column item_id drop not null;
alter table supervision_notice add column proposal_id bigint references supervision_proposal (id) on delete cascade;
alter table supervision_notice add column note text;
alter table supervision_notice add constraint supervision_notice_subject
    check (item_id is not null or proposal_id is not null);
drop index supervision_notice_once;
create unique index supervision_notice_once on supervision_notice
    (item_id, coalesce(obligation_id, 0), coalesce(unit_id, 0), kind, coalesce(colour, ''),
     coalesce(due_on, date '0001-01-01'))
    where kind = 'WARNING';
create unique index supervision_notice_proposal on supervision_notice (proposal_id, coalesce(unit_id, 0), kind)
    where proposal_id is not null;

-- Issue 10: a merged proposal's decision is kept as ids of its own, not only as the log line's text.
-- The page reads these columns; the log line stays as it was written.
alter table supervision_step
    add column meeting_id     bigint,
    add column agenda_item_id bigint,
    add constraint supervision_step_decision check ((meeting_id is null) = (agenda_item_id is null));

-- steps merged before this migration: their ids, read once from the line the merge wrote
update supervision_step
   set meeting_id     = substring(reason from '^meeting (\d+), item \d+$')::bigint,
       agenda_item_id = substring(reason from '^meeting \d+, item (\d+)$')::bigint
 where action = 'merge' and reason ~ '^meeting \d+, item \d+$';

-- Warnings (issue 5, part b): the working-day calendar, the warning sweep, report obligations of regular tasks,
-- in-app notices and their e-mails.

-- Each report obligation is counted like an item: from the start of its cycle to its due date, in working days.
alter table report_obligation add column starts_on date;
alter table report_obligation add column working_days_total int;
create index report_obligation_item on report_obligation (item_id, due_on);
create index report_obligation_uncounted on report_obligation (id) where working_days_total is null;

-- Items that recur, for the sweep that creates their obligations.
create index supervision_item_recurring on supervision_item (state) where recurrence <> 'NONE';

-- A warning is noticed once per item (or obligation), recipient and colour for the same deadline: an extension gives
-- a new deadline, and a colour reached again after it is noticed again.
alter table supervision_notice add column due_on date;
drop index supervision_notice_once;
create unique index supervision_notice_once on supervision_notice
    (item_id, coalesce(obligation_id, 0), coalesce(unit_id, 0), kind, coalesce(colour, ''),
     coalesce(due_on, date '0001-01-01'));
create index supervision_notice_unread on supervision_notice (coalesce(unit_id, 0)) where read_at is null;
create index supervision_notice_unmailed on supervision_notice (created_at) where mailed_at is null;

-- Where an account's user receives notices by e-mail (when the server has SMTP); each user enters their own.
alter table account add column email text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and length(email) <= 254);

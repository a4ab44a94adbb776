-- Issue 5, part d: indexes for the supervision dashboard, so that each of its figures is an aggregate over an index
-- (an index-only scan once the table is vacuumed) even with a million items. See SupervisionDashboard.

-- counts by state and, for open items, by colour: one pass over (state, colour)
create index supervision_item_state_colour on supervision_item (state, colour);

-- on-time completion rate by lead unit: the closed items with their deadline and closing time
create index supervision_item_closed_unit on supervision_item (lead_unit_id, deadline, closed_at) where state = 'CLOSED';

-- items closed per month, over the last twelve months
create index supervision_item_closed_at on supervision_item (closed_at) where state = 'CLOSED';

-- the oldest overdue items: those still waiting for work, by deadline
create index supervision_item_pending_deadline on supervision_item (deadline, id)
    where state in ('REGISTERED', 'ASSIGNED', 'RETURNED', 'IN_PROGRESS');

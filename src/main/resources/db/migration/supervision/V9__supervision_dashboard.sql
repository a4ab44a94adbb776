-- Issue 5, part d: what the supervision dashboard reads, so that each of its figures stays an aggregate over an
-- index or a small table with a million items. See SupervisionDashboard.

-- open items by state and colour (about a tenth of all items): an index-only scan
create index supervision_item_state_colour on supervision_item (state, colour);

-- the oldest overdue items: those still waiting for work, by deadline
create index supervision_item_pending_deadline on supervision_item (deadline, id)
    where state in ('REGISTERED', 'ASSIGNED', 'RETURNED', 'IN_PROGRESS');

-- Closed items, counted by lead unit, month of closing and whether on time. CLOSED is the last state, so these
-- counts only grow as items close; the dashboard reads them instead of counting ~90 % of a million rows on each
-- request. Kept by statement-level triggers (one grouped upsert per statement, whatever its size), so they hold for
-- every writer: the workflow, an import, the benchmark generator. Month and on-time are taken in the session's time
-- zone, as the dashboard's own queries take them (the application's, which every node shares).
create table supervision_closed_tally (
    lead_unit_id bigint  not null,
    month        date    not null,
    on_time      boolean not null,
    closed       bigint  not null,
    primary key (lead_unit_id, month, on_time)
);

-- A closed item always has its closing time: an item recorded as closed without one (an imported ledger row that was
-- closed before Yishi knew it) counts as closed when it was recorded.
create function supervision_item_closed_at() returns trigger language plpgsql as $$
begin
    if new.state = 'CLOSED' and new.closed_at is null then
        new.closed_at := now();
    end if;
    return new;
end $$;

create trigger supervision_item_closed_at before insert or update on supervision_item
    for each row execute function supervision_item_closed_at();

create function supervision_closed_tally_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into supervision_closed_tally (lead_unit_id, month, on_time, closed)
        select lead_unit_id, date_trunc('month', closed_at)::date, closed_at < (deadline + 1)::timestamptz, count(*)
        from new_rows where state = 'CLOSED'
        group by 1, 2, 3 order by 1, 2, 3
        on conflict (lead_unit_id, month, on_time) do update set closed = supervision_closed_tally.closed + excluded.closed;
    else
        insert into supervision_closed_tally (lead_unit_id, month, on_time, closed)
        select lead_unit_id, month, on_time, sum(n) from (
            select lead_unit_id, date_trunc('month', closed_at)::date as month,
                   closed_at < (deadline + 1)::timestamptz as on_time, -1 as n
            from old_rows where state = 'CLOSED'
            union all
            select lead_unit_id, date_trunc('month', closed_at)::date, closed_at < (deadline + 1)::timestamptz, 1
            from new_rows where state = 'CLOSED') d
        group by 1, 2, 3 having sum(n) <> 0 order by 1, 2, 3
        on conflict (lead_unit_id, month, on_time) do update set closed = supervision_closed_tally.closed + excluded.closed;
    end if;
    return null;
end $$;

create function supervision_closed_tally_removed() returns trigger language plpgsql as $$
begin
    insert into supervision_closed_tally (lead_unit_id, month, on_time, closed)
    select lead_unit_id, date_trunc('month', closed_at)::date, closed_at < (deadline + 1)::timestamptz, -count(*)
    from old_rows where state = 'CLOSED'
    group by 1, 2, 3 order by 1, 2, 3
    on conflict (lead_unit_id, month, on_time) do update set closed = supervision_closed_tally.closed + excluded.closed;
    return null;
end $$;

create trigger supervision_closed_tally_insert after insert on supervision_item
    referencing new table as new_rows for each statement execute function supervision_closed_tally_apply();
create trigger supervision_closed_tally_update after update on supervision_item
    referencing old table as old_rows new table as new_rows for each statement execute function supervision_closed_tally_apply();
create trigger supervision_closed_tally_delete after delete on supervision_item
    referencing old table as old_rows for each statement execute function supervision_closed_tally_removed();

insert into supervision_closed_tally (lead_unit_id, month, on_time, closed)
select lead_unit_id, date_trunc('month', closed_at)::date, closed_at < (deadline + 1)::timestamptz, count(*)
from supervision_item where state = 'CLOSED'
group by 1, 2, 3;

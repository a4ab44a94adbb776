-- The ledger (台账) of supervised items: filtered by unit, state, colour, source, leader and dates, sorted by a
-- whitelisted column, paged, over a million items. The first page is found by walking the index of the sort column,
-- so every sortable column has an index that gives its order with a stable tiebreak (the item's id).

-- Every unit an item concerns, its lead unit first and then its co-operating units, kept by the triggers below. One GIN
-- index answers "the items of these units" (a filter of the ledger, and what a unit's liaison may see) without a join.
alter table supervision_item add column unit_ids bigint[] not null default '{}';
-- The lead unit's protocol rank, kept by the triggers below, so that sorting by unit follows an index.
alter table supervision_item add column lead_unit_rank int not null default 0;

update supervision_item i set lead_unit_rank = u.protocol_rank from unit u where u.id = i.lead_unit_id;
update supervision_item i set unit_ids = array[i.lead_unit_id] || array(
    select c.unit_id from supervision_co_unit c where c.item_id = i.id and c.unit_id <> i.lead_unit_id order by c.unit_id);

create function supervision_item_lead_unit() returns trigger language plpgsql as $$
begin
    new.lead_unit_rank := coalesce((select u.protocol_rank from unit u where u.id = new.lead_unit_id), 0);
    new.unit_ids := array[new.lead_unit_id] || array(
        select c.unit_id from supervision_co_unit c where c.item_id = new.id and c.unit_id <> new.lead_unit_id
        order by c.unit_id);
    return new;
end $$;
create trigger supervision_item_lead_unit before insert or update of lead_unit_id on supervision_item
    for each row execute function supervision_item_lead_unit();

-- Co-operating units added or removed: once per statement, for all the items it touched.
create function supervision_co_units_changed() returns trigger language plpgsql as $$
begin
    update supervision_item i set unit_ids = array[i.lead_unit_id] || array(
        select c.unit_id from supervision_co_unit c where c.item_id = i.id and c.unit_id <> i.lead_unit_id
        order by c.unit_id)
    where i.id in (select distinct item_id from changed);
    return null;
end $$;
create trigger supervision_co_units_added after insert on supervision_co_unit
    referencing new table as changed for each statement execute function supervision_co_units_changed();
create trigger supervision_co_units_removed after delete on supervision_co_unit
    referencing old table as changed for each statement execute function supervision_co_units_changed();

create function supervision_unit_rank_changed() returns trigger language plpgsql as $$
begin
    update supervision_item set lead_unit_rank = new.protocol_rank where lead_unit_id = new.id;
    return null;
end $$;
create trigger supervision_unit_rank_changed after update of protocol_rank on unit
    for each row when (old.protocol_rank is distinct from new.protocol_rank)
    execute function supervision_unit_rank_changed();

-- States and colours sort in the order of the workflow and of urgency, not of their names.
create function supervision_state_rank(state text) returns int language sql immutable parallel safe as $$
    select array_position(array['REGISTERED', 'ASSIGNED', 'RETURNED', 'IN_PROGRESS', 'REPORTED', 'SUSPENDED', 'CLOSED'], state)
$$;
create function supervision_colour_rank(colour text) returns int language sql immutable parallel safe as $$
    select array_position(array['GREEN', 'YELLOW', 'ORANGE', 'RED'], colour)
$$;

create index supervision_item_units on supervision_item using gin (unit_ids);
create index supervision_item_received on supervision_item (received_on, id);
create index supervision_item_by_unit on supervision_item (lead_unit_rank, lead_unit_id, deadline, id);
create index supervision_item_by_state on supervision_item (supervision_state_rank(state), deadline, id);
create index supervision_item_by_colour on supervision_item (supervision_colour_rank(colour), deadline, id);
create index supervision_item_by_progress on supervision_item (progress, deadline, id);
-- One state or one colour, in the order of a time column: open items are the newest and red ones mostly old, so a walk
-- of the whole index would pass many others before it found them. (One state by deadline: V7's (state, deadline).)
create index supervision_item_state_serial on supervision_item (state, serial_year, serial_number);
create index supervision_item_state_received on supervision_item (state, received_on, id);
create index supervision_item_colour_serial on supervision_item (colour, serial_year, serial_number);
create index supervision_item_colour_deadline on supervision_item (colour, deadline, id);
create index supervision_item_colour_received on supervision_item (colour, received_on, id);

-- Live updates across nodes (issue 14): whatever changes a meeting, on whichever node and by whatever code path, tells
-- every node listening on channel yishi_live, with the payload 'meeting:<id>', once the transaction commits
-- (PostgreSQL delivers notifications on commit and folds identical ones of one transaction into one). Only the id
-- travels: each follower's page asks again for what it may see, so a pushed change never carries an internal item.
create function live_meeting_changed() returns trigger
    language plpgsql as $$
declare
    r   record;
    mid bigint;
begin
    if tg_op = 'DELETE' then
        r := old;
    else
        r := new;
    end if;
    if tg_argv[0] = 'id' then
        mid := r.id;
    elsif tg_argv[0] = 'meeting_id' then
        mid := r.meeting_id;
    else
        select a.meeting_id into mid from agenda_item a where a.id = r.item_id;
    end if;
    if mid is not null then
        perform pg_notify('yishi_live', 'meeting:' || mid);
    end if;
    return null;
end
$$;

create trigger meeting_live after insert or update or delete on meeting
    for each row execute function live_meeting_changed('id');
create trigger meeting_attendance_live after insert or update or delete on meeting_attendance
    for each row execute function live_meeting_changed('meeting_id');
create trigger meeting_group_live after insert or update or delete on meeting_group
    for each row execute function live_meeting_changed('meeting_id');
create trigger agenda_item_live after insert or update or delete on agenda_item
    for each row execute function live_meeting_changed('meeting_id');
create trigger minutes_live after insert or update or delete on minutes
    for each row execute function live_meeting_changed('meeting_id');
create trigger recusal_live after insert or update or delete on recusal
    for each row execute function live_meeting_changed('item_id');
create trigger opinion_live after insert or update or delete on opinion
    for each row execute function live_meeting_changed('item_id');
create trigger vote_live after insert or update or delete on vote
    for each row execute function live_meeting_changed('item_id');
create trigger ballot_live after insert or update or delete on ballot
    for each row execute function live_meeting_changed('item_id');
create trigger decision_live after insert or update or delete on decision
    for each row execute function live_meeting_changed('item_id');

-- Volunteer service (issue 15, items 3-5): programmes (项目) of a station, standing (monthly on fixed days) or a
-- campaign (the March Lei Feng campaign), optionally linked to the supervised item or decision that launched them;
-- their activities with places; sign-ups with a waiting list; check-in and check-out; service records.

create table volunteer_programme (
    id                  bigint generated always as identity primary key,
    station_id          bigint not null references volunteer_station (id),
    name                text   not null check (length(btrim(name)) > 0),
    kind                text   not null check (kind in ('STANDING', 'CAMPAIGN')),
    description         text   not null default '',
    days_of_month       int[]  not null default '{}',       -- STANDING: the fixed days each month
    campaign_from       date,                                -- CAMPAIGN: its first and last day
    campaign_to         date,
    supervision_item_id bigint references supervision_item (id),
    decision_item_id    bigint references decision (item_id),  -- a decision is known by its agenda item
    created_at          timestamptz not null default now(),
    created_by          text   not null,
    check (kind <> 'CAMPAIGN' or (campaign_from is not null and campaign_to is not null and campaign_from <= campaign_to))
);
create index volunteer_programme_by_station on volunteer_programme (station_id, id);

create table volunteer_activity (
    id            bigint generated always as identity primary key,
    programme_id  bigint not null references volunteer_programme (id),
    station_id    bigint not null references volunteer_station (id),
    held_on       date   not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null check (ends_at > starts_at),
    place         text   not null,
    content       text   not null,
    places        int    not null check (places > 0),
    skills        text[] not null default '{}',
    created_at    timestamptz not null default now(),
    created_by    text   not null
);
create index volunteer_activity_by_station on volunteer_activity (station_id, starts_at);
create index volunteer_activity_by_start on volunteer_activity (starts_at);

-- A sign-up holds a place (PLACED), waits for one (WAITING, in order of signing up) or was cancelled.
create table volunteer_sign_up (
    id            bigint generated always as identity primary key,
    activity_id   bigint not null references volunteer_activity (id),
    volunteer_id  bigint not null references volunteer (id),
    state         text   not null check (state in ('PLACED', 'WAITING', 'CANCELLED')),
    signed_up_at  timestamptz not null default now(),
    changed_at    timestamptz not null default now()
);
create unique index volunteer_sign_up_once on volunteer_sign_up (activity_id, volunteer_id) where state <> 'CANCELLED';
create index volunteer_sign_up_by_volunteer on volunteer_sign_up (volunteer_id, activity_id);

-- Check-in and check-out, by the code shown at the activity (CODE) or by the manager's roll (ROLL); a check-in nobody
-- closed is closed at the activity's end (CLOSED_AT_END) and flagged until the manager has seen it.
create table volunteer_attendance (
    id              bigint generated always as identity primary key,
    activity_id     bigint not null references volunteer_activity (id),
    volunteer_id    bigint not null references volunteer (id),
    checked_in_at   timestamptz not null,
    checked_in_by   text   not null check (checked_in_by in ('CODE', 'ROLL')),
    checked_out_at  timestamptz,
    checked_out_by  text   check (checked_out_by in ('CODE', 'ROLL', 'CLOSED_AT_END')),
    flagged         boolean not null default false,
    unique (activity_id, volunteer_id),
    check (checked_out_at is null or checked_out_at >= checked_in_at)
);
create index volunteer_attendance_open on volunteer_attendance (activity_id) where checked_out_at is null;

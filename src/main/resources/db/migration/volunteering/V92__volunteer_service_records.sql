-- Volunteer service records (issue 15, item 5): the minutes actually served at an activity, from check-in to
-- check-out and never longer than the activity, whether they count (the attendance share reached the configured
-- minimum), and whether the record was made late (more than 10 working days after the activity), in which case it
-- waits for a second person's approval before its hours count.

create table volunteer_service_record (
    id                 bigint generated always as identity primary key,
    activity_id        bigint not null references volunteer_activity (id),
    volunteer_id       bigint not null references volunteer (id),
    attendance_id      bigint not null unique references volunteer_attendance (id),
    station_id         bigint not null references volunteer_station (id),
    held_on            date   not null,
    minutes            int    not null check (minutes >= 0),
    activity_minutes   int    not null check (activity_minutes > 0),
    counted            boolean not null,
    late               boolean not null,
    state              text   not null check (state in ('RECORDED', 'AWAITING_APPROVAL')),
    recorded_at        timestamptz not null,
    recorded_by        text   not null,
    approved_at        timestamptz,
    approved_by        text,
    corrected_at       timestamptz,
    corrected_by       text,
    correction_reason  text,
    unique (activity_id, volunteer_id),
    check (minutes <= activity_minutes)
);
create index volunteer_service_record_by_volunteer on volunteer_service_record (volunteer_id, held_on);
create index volunteer_service_record_by_station on volunteer_service_record (station_id, held_on);

-- Meetings as recorded: who presided, who attended in which role, the agenda and each item's conclusions.

create table meeting (
    id                     bigint generated always as identity primary key,
    body_id                bigint not null references body (id),
    term_id                bigint not null references term (id),
    sequence               int    not null check (sequence > 0),
    held_on                date   not null,
    time_of_day            text   check (time_of_day in ('MORNING', 'AFTERNOON', 'EVENING')),
    place                  text,
    kind                   text   not null check (kind in ('REGULAR', 'ENLARGED')),
    presiding_person_id    bigint not null references person (id),
    entrusted_by_person_id bigint references person (id),
    presiding_speech       boolean not null default true,
    leaders_label_zh       text,
    leaders_label_en       text,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    version                int    not null default 0,
    unique (term_id, sequence)
);
create index meeting_held_on on meeting (held_on desc, id desc);

-- One row per person: a person cannot be both present and on leave. position keeps the order as entered,
-- which is the protocol order among people whose offices are not recorded.
create table meeting_attendance (
    meeting_id bigint not null references meeting (id) on delete cascade,
    person_id  bigint not null references person (id),
    role       text   not null check (role in ('PRESENT', 'ON_LEAVE', 'IN_ATTENDANCE')),
    position   int    not null,
    reason     text,
    primary key (meeting_id, person_id)
);

-- Unnamed groups sitting in, e.g. 区直有关单位主要负责同志.
create table meeting_group (
    meeting_id bigint not null references meeting (id) on delete cascade,
    position   int    not null,
    label_zh   text,
    label_en   text,
    primary key (meeting_id, position)
);

create table agenda_item (
    id             bigint generated always as identity primary key,
    meeting_id     bigint not null references meeting (id) on delete cascade,
    position       int    not null,
    kind           text   not null check (kind in ('CONVEY_STUDY', 'DELIBERATE', 'HEAR_REPORT', 'PERSONNEL')),
    title_zh       text,
    title_en       text,
    headline       boolean not null default true,
    visibility     text   not null default 'PUBLIC' check (visibility in ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL')),
    conclusions_zh text,
    conclusions_en text,
    unique (meeting_id, position) deferrable initially deferred
);

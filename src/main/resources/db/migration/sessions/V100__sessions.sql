-- Sessions of a people's congress and of a CPPCC committee (issue 13): the terms they sit in, the deputies and
-- members on each term's roster with their delegation (代表团), sector (界别) and special committee (专门委员会), the
-- sessions (第N次会议) with their preparatory and plenary meetings, the agenda, and the roll call of each meeting.

-- A directory term of a congress or CPPCC body, as the sessions module keeps it.
create table assembly_term (
    term_id   bigint primary key references term (id),
    chamber   text   not null check (chamber in ('CONGRESS', 'CONFERENCE')),
    -- county-level or township-level congress: the co-signers a motion needs differ
    level     text   not null default 'COUNTY' check (level in ('COUNTY', 'TOWNSHIP')),
    created_at timestamptz not null default now(),
    created_by text not null
);

-- Delegations of a congress term; sectors and special committees of a CPPCC term.
create table assembly_group (
    id        bigint generated always as identity primary key,
    term_id   bigint not null references assembly_term (term_id),
    kind      text   not null check (kind in ('DELEGATION', 'SECTOR', 'COMMITTEE')),
    name_zh   text   not null check (btrim(name_zh) <> ''),
    name_en   text,
    position  int    not null default 0,
    unique (term_id, kind, name_zh)
);

-- A deputy of a congress term, or a member of a CPPCC term: a person of the directory with the number on the card.
create table assembly_seat (
    id           bigint generated always as identity primary key,
    term_id      bigint not null references assembly_term (term_id),
    person_id    bigint not null references person (id),
    card_number  text   not null check (card_number ~ '^[0-9A-Za-z-]{1,20}$'),
    group_id     bigint references assembly_group (id),
    committee_id bigint references assembly_group (id),
    created_at   timestamptz not null default now(),
    created_by   text   not null,
    updated_at   timestamptz not null default now(),
    updated_by   text   not null,
    unique (term_id, card_number),
    unique (term_id, person_id)
);
create index assembly_seat_by_group on assembly_seat (group_id);
create index assembly_seat_by_person on assembly_seat (person_id);

-- A session of a term: its number is entered (the seed's congress is at its 4th, the CPPCC at its 2nd).
create table assembly_session (
    id         bigint generated always as identity primary key,
    term_id    bigint not null references assembly_term (term_id),
    number     int    not null check (number > 0),
    place_zh   text,
    place_en   text,
    opens_on   date   not null,
    closes_on  date   not null check (closes_on >= opens_on),
    agenda_adopted_at timestamptz,
    created_at timestamptz not null default now(),
    created_by text   not null,
    unique (term_id, number)
);

-- The preparatory meeting (number 0) and the plenary meetings (第N次全体会议) of a session.
create table session_sitting (
    id         bigint generated always as identity primary key,
    session_id bigint not null references assembly_session (id),
    kind       text   not null check (kind in ('PREPARATORY', 'PLENARY')),
    number     int    not null check (number >= 0),
    held_on    date   not null,
    starts_at  time,
    state      text   not null default 'PLANNED' check (state in ('PLANNED', 'OPEN', 'CLOSED')),
    opened_at  timestamptz,
    unique (session_id, kind, number),
    check ((kind = 'PREPARATORY') = (number = 0))
);

-- The presidium (主席团) the preparatory meeting elects.
create table session_presidium (
    session_id bigint not null references assembly_session (id),
    seat_id    bigint not null references assembly_seat (id),
    position   int    not null,
    primary key (session_id, seat_id)
);

-- The agenda of a session: reports heard, deliberations by delegation, items to decide, elections.
create table session_agenda_item (
    id         bigint generated always as identity primary key,
    session_id bigint not null references assembly_session (id),
    position   int    not null,
    kind       text   not null check (kind in ('REPORT', 'DELIBERATION', 'DECISION', 'ELECTION')),
    title_zh   text   not null check (btrim(title_zh) <> ''),
    title_en   text,
    -- the count of a resolution or election, against all deputies of the term (the rule set's base)
    counted_at timestamptz,
    due        int,
    yes        int,
    no         int,
    abstain    int,
    required   int,
    adopted    boolean,
    unique (session_id, position)
);

-- The roll call of one sitting: who is present and who is on leave (with the reason); a seat without a row is absent.
create table roll_call (
    sitting_id  bigint not null references session_sitting (id),
    seat_id     bigint not null references assembly_seat (id),
    status      text   not null check (status in ('PRESENT', 'ON_LEAVE')),
    reason      text,
    recorded_at timestamptz not null default now(),
    recorded_by text   not null,
    primary key (sitting_id, seat_id),
    check (status = 'PRESENT' or btrim(coalesce(reason, '')) <> '')
);
create index roll_call_by_status on roll_call (sitting_id, status);

insert into role (code, name_zh, name_en, administrator, position) values
    ('congress-office', '人大政协办公室', 'Congress and CPPCC office', false, 80);

insert into role_permission (role_code, permission) values
    ('congress-office', 'directory:read'),
    ('congress-office', 'congress:read'),
    ('congress-office', 'congress:edit'),
    ('congress-office', 'congress:roll-call'),
    ('office', 'congress:read');

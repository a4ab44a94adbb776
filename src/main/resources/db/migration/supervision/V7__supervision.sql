-- Supervision of implementation (督查督办): supervised items from decisions, instructions and tasks from above,
-- their workflow, reports, extensions, recurring report obligations, warnings, and the inbox of adopted decisions.

-- Exceptions to the Monday-to-Friday week: public holidays on weekdays (working = false) and make-up working days
-- on weekends (working = true, 调休). Working days are counted from this calendar.
create table calendar_day (
    day     date    primary key,
    working boolean not null,
    note    text
);

-- Serial numbers per year in the office's format, e.g. 督字〔2023〕12号.
create table item_serial (
    year int primary key,
    last int not null
);

-- Decisions adopted at meetings, proposed to the supervision office, which confirms them as items (or splits,
-- merges, dismisses them). One proposal per adopted agenda item, however often the event arrives.
create table supervision_proposal (
    id              bigint generated always as identity primary key,
    meeting_id      bigint not null references meeting (id),
    agenda_item_id  bigint not null unique references agenda_item (id),
    body_id         bigint not null references body (id),
    held_on         date   not null,
    outcome         text   not null,
    title_zh        text,
    title_en        text,
    conclusions_zh  text,
    conclusions_en  text,
    visibility      text   not null,
    state           text   not null default 'PENDING' check (state in ('PENDING', 'CONFIRMED', 'DISMISSED')),
    received_at     timestamptz not null default now(),
    handled_at      timestamptz,
    handled_by      bigint
);
create index supervision_proposal_pending on supervision_proposal (received_at) where state = 'PENDING';

create table supervision_item (
    id                   bigint generated always as identity primary key,
    serial_year          int    not null,
    serial_number        int    not null,
    source               text   not null check (source in ('DECISION', 'INSTRUCTION', 'HIGHER_TASK')),
    source_note          text,
    meeting_id           bigint references meeting (id),
    agenda_item_id       bigint references agenda_item (id),
    proposal_id          bigint references supervision_proposal (id),
    content              text   not null check (btrim(content) <> ''),
    lead_unit_id         bigint not null references unit (id),
    leader_person_id     bigint references person (id),
    received_on          date   not null,
    deadline             date   not null,
    reply_requirements   text,
    priority             text   not null default 'NORMAL' check (priority in ('NORMAL', 'HIGH', 'URGENT')),
    parent_id            bigint references supervision_item (id),
    weight               int    not null default 1 check (weight between 1 and 100),
    recurrence           text   not null default 'NONE' check (recurrence in ('NONE', 'MONTHLY', 'QUARTERLY', 'FIXED_DAYS')),
    recurrence_days      int[],
    state                text   not null default 'REGISTERED'
                         check (state in ('REGISTERED', 'ASSIGNED', 'RETURNED', 'IN_PROGRESS', 'REPORTED', 'SUSPENDED', 'CLOSED')),
    suspended_from       text,
    sent_back            int    not null default 0,
    progress             int    not null default 0 check (progress between 0 and 100),
    colour               text   not null default 'GREEN' check (colour in ('GREEN', 'YELLOW', 'ORANGE', 'RED')),
    start_on             date,
    working_days_total   int,
    assigned_at          timestamptz,
    accepted_at          timestamptz,
    closed_at            timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              int    not null default 0,
    unique (serial_year, serial_number),
    check (deadline >= received_on)
);
create index supervision_item_unit on supervision_item (lead_unit_id, state, deadline);
create index supervision_item_state on supervision_item (state, deadline);
create index supervision_item_colour on supervision_item (colour, deadline) where state <> 'CLOSED';
create index supervision_item_deadline on supervision_item (deadline, id);
create index supervision_item_leader on supervision_item (leader_person_id, deadline);
create index supervision_item_source on supervision_item (source, deadline);
create index supervision_item_parent on supervision_item (parent_id) where parent_id is not null;
create index supervision_item_meeting on supervision_item (meeting_id) where meeting_id is not null;

create table supervision_co_unit (
    item_id bigint not null references supervision_item (id) on delete cascade,
    unit_id bigint not null references unit (id),
    primary key (item_id, unit_id)
);
create index supervision_co_unit_unit on supervision_co_unit (unit_id);

-- Every transition: who, when, from which state to which, and why.
create table supervision_step (
    id        bigint generated always as identity primary key,
    item_id   bigint not null references supervision_item (id) on delete cascade,
    at        timestamptz not null default now(),
    actor     bigint,
    action    text   not null,
    from_state text,
    to_state  text,
    reason    text
);
create index supervision_step_item on supervision_step (item_id, id);

-- For a recurring item, one report obligation per cycle, each with its own deadline and colour.
create table report_obligation (
    id          bigint generated always as identity primary key,
    item_id     bigint not null references supervision_item (id) on delete cascade,
    cycle       int    not null,
    due_on      date   not null,
    reported_at timestamptz,
    colour      text   not null default 'GREEN' check (colour in ('GREEN', 'YELLOW', 'ORANGE', 'RED')),
    unique (item_id, cycle)
);
create index report_obligation_open on report_obligation (due_on) where reported_at is null;

create table progress_report (
    id            bigint generated always as identity primary key,
    item_id       bigint not null references supervision_item (id) on delete cascade,
    obligation_id bigint references report_obligation (id),
    at            timestamptz not null default now(),
    actor         bigint,
    text          text   not null check (btrim(text) <> ''),
    percent       int    not null check (percent between 0 and 100),
    completion    boolean not null default false
);
create index progress_report_item on progress_report (item_id, id desc);

create table report_attachment (
    id           bigint generated always as identity primary key,
    report_id    bigint not null references progress_report (id) on delete cascade,
    file_name    text   not null,
    content_type text   not null,
    size         int    not null,
    content      bytea  not null
);
create index report_attachment_report on report_attachment (report_id);

create table extension_request (
    id           bigint generated always as identity primary key,
    item_id      bigint not null references supervision_item (id) on delete cascade,
    requested_at timestamptz not null default now(),
    requested_by bigint,
    reason       text   not null check (btrim(reason) <> ''),
    old_deadline date   not null,
    new_deadline date   not null,
    state        text   not null default 'REQUESTED' check (state in ('REQUESTED', 'APPROVED', 'REFUSED')),
    decided_at   timestamptz,
    decided_by   bigint,
    decision_note text
);
create unique index extension_request_pending on extension_request (item_id) where state = 'REQUESTED';

-- In-app notices: to a unit (its liaisons) or to the supervision office (unit_id null). A warning is noticed once
-- per item and colour, however many nodes sweep.
create table supervision_notice (
    id         bigint generated always as identity primary key,
    item_id    bigint not null references supervision_item (id) on delete cascade,
    obligation_id bigint references report_obligation (id) on delete cascade,
    unit_id    bigint references unit (id),
    kind       text   not null,
    colour     text,
    created_at timestamptz not null default now(),
    read_at    timestamptz,
    mailed_at  timestamptz
);
create unique index supervision_notice_once on supervision_notice
    (item_id, coalesce(obligation_id, 0), coalesce(unit_id, 0), kind, coalesce(colour, ''));
create index supervision_notice_unit on supervision_notice (unit_id, created_at desc);

insert into role_permission (role_code, permission) values
    ('supervision', 'supervision:read-all'), ('supervision', 'supervision:manage'),
    ('office', 'supervision:read-all'),
    ('liaison', 'supervision:report');

-- Rules of procedure: rule sets per body, the meeting's lifecycle, the directives queue, what happens to each item
-- at the meeting (recusals, opinions, the vote, the decision) and the minutes.

-- A rule set is data. Four defaults come with Yishi; office staff may edit them or add their own. Shares are kept as
-- exact fractions: "more than 1/2" is (1, 2, strict), "at least 2/3" is (2, 3, not strict).
create table rule_set (
    id                 bigint generated always as identity primary key,
    code               text    not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
    name_zh            text    not null check (btrim(name_zh) <> ''),
    name_en            text,
    quorum_num         int     not null,
    quorum_den         int     not null,
    quorum_strict      boolean not null,
    personnel_num      int     not null,
    personnel_den      int     not null,
    personnel_strict   boolean not null,
    base               text    not null check (base in ('MEMBERS_DUE', 'ALL_MEMBERS', 'VOTES_CAST')),
    majority_num       int     not null,
    majority_den       int     not null,
    majority_strict    boolean not null,
    materials_days     int     not null default 3 check (materials_days between 0 and 60),
    updated_at         timestamptz not null default now(),
    version            int     not null default 0,
    check (quorum_den > 0 and quorum_num between 0 and quorum_den),
    check (personnel_den > 0 and personnel_num between 0 and personnel_den),
    check (majority_den > 0 and majority_num between 0 and majority_den)
);

insert into rule_set (code, name_zh, name_en, quorum_num, quorum_den, quorum_strict, personnel_num, personnel_den,
                      personnel_strict, base, majority_num, majority_den, majority_strict) values
    ('party-standing-committee', '党委常委会议事规则', 'Party standing committee', 1, 2, true, 2, 3, false, 'MEMBERS_DUE', 1, 2, true),
    ('congress-session', '人民代表大会会议', 'People''s congress session', 2, 3, false, 2, 3, false, 'ALL_MEMBERS', 1, 2, true),
    ('cppcc-standing-committee', '政协常委会议', 'CPPCC standing committee', 1, 2, true, 1, 2, true, 'ALL_MEMBERS', 1, 2, true),
    ('simple-majority', '简单多数（按实际投票）', 'Simple majority of votes cast', 1, 2, true, 1, 2, true, 'VOTES_CAST', 1, 2, true);

-- Which rule set a body decides under. A body without a row decides under the default for its kind.
create table body_rule_set (
    body_id     bigint primary key references body (id) on delete cascade,
    rule_set_id bigint not null references rule_set (id)
);

-- Central directives received, queued until a meeting conveys them (第一议题).
create table directive (
    id           bigint generated always as identity primary key,
    body_id      bigint not null references body (id),
    title_zh     text   not null check (btrim(title_zh) <> ''),
    title_en     text,
    issued_on    date   not null,
    received_on  date   not null,
    source       text,
    created_at   timestamptz not null default now()
);
create index directive_body on directive (body_id, issued_on desc, id desc);

-- The lifecycle; the number in the term is fixed at notification, so a draft may have none.
alter table meeting add column state text not null default 'DRAFT'
    check (state in ('DRAFT', 'NOTIFIED', 'OPEN', 'CLOSED', 'MINUTES_ISSUED', 'ARCHIVED'));
alter table meeting alter column sequence drop not null;
alter table meeting add column notified_at timestamptz;
alter table meeting add column opened_at timestamptz;
alter table meeting add column closed_at timestamptz;
alter table meeting add column archived_at timestamptz;
create index meeting_state on meeting (state);

alter table agenda_item add column ad_hoc boolean not null default false;
alter table agenda_item add column ad_hoc_consent boolean not null default false;
alter table agenda_item add column collective_decision boolean not null default false;
alter table agenda_item add column materials_received_on date;
alter table agenda_item add column directive_id bigint references directive (id);
create index agenda_item_directive on agenda_item (directive_id) where directive_id is not null;

-- A member who leaves an item that concerns him or his relatives: neither discusses nor votes.
create table recusal (
    item_id   bigint not null references agenda_item (id) on delete cascade,
    person_id bigint not null references person (id),
    reason    text   not null check (btrim(reason) <> ''),
    primary key (item_id, person_id)
);

-- What each member said on an item, or wrote when absent (recorded, never counted).
create table opinion (
    id        bigint generated always as identity primary key,
    item_id   bigint not null references agenda_item (id) on delete cascade,
    person_id bigint not null references person (id),
    written   boolean not null,
    text      text   not null check (btrim(text) <> ''),
    recorded_at timestamptz not null default now()
);
create index opinion_item on opinion (item_id, id);

-- The vote on an item. For a secret ballot the counts are entered by the tellers and the ballots say only who voted.
create table vote (
    item_id    bigint primary key references agenda_item (id) on delete cascade,
    method     text   not null check (method in ('ORAL', 'SHOW_OF_HANDS', 'NAMED', 'SECRET')),
    opened_at  timestamptz not null default now(),
    counted_at timestamptz,
    yes        int check (yes >= 0),
    no         int check (no >= 0),
    abstain    int check (abstain >= 0)
);

create table ballot (
    item_id   bigint not null references vote (item_id) on delete cascade,
    person_id bigint not null references person (id),
    choice    text check (choice in ('YES', 'NO', 'ABSTAIN')),
    primary key (item_id, person_id)
);

-- How the item was decided, with the numbers and rules it was decided under, kept as they were at the time.
create table decision (
    item_id        bigint primary key references agenda_item (id) on delete cascade,
    outcome        text   not null check (outcome in ('ADOPTED', 'ADOPTED_IN_PRINCIPLE', 'REJECTED', 'DEFERRED', 'FURTHER_STUDY')),
    members_due    int    not null,
    present        int    not null,
    recused        int    not null,
    basis          int,
    threshold      text,
    strictly_more  boolean,
    base           text,
    rule_set_code  text   not null,
    note_zh        text,
    note_en        text,
    decided_at     timestamptz not null default now(),
    decided_by     bigint
);

-- The minutes: drafted by the office, checked by the office head, signed off by the presiding person, issued.
-- The text is generated from the meeting; on issue it is kept as issued.
create table minutes (
    meeting_id    bigint primary key references meeting (id) on delete cascade,
    state         text   not null check (state in ('DRAFT', 'CHECKED', 'SIGNED_OFF', 'ISSUED')),
    drafted_by    bigint not null,
    drafted_at    timestamptz not null default now(),
    checked_by    bigint,
    checked_at    timestamptz,
    signed_by     bigint,
    signed_at     timestamptz,
    issued_by     bigint,
    issued_at     timestamptz,
    issued_zh     text,
    issued_en     text
);

insert into role_permission (role_code, permission) values
    ('office', 'meeting:run'), ('office', 'rules:edit'), ('office', 'directive:edit'),
    ('office', 'record:read'), ('office', 'minutes:read'), ('office', 'minutes:draft'), ('office', 'minutes:check'),
    ('office', 'minutes:issue'),
    ('member', 'minutes:read'), ('member', 'minutes:sign'),
    ('supervision', 'minutes:read');

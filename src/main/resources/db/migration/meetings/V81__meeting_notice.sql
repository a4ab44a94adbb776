-- The meeting notice (会议通知) and the agenda items' materials (issue 12): the notice as sent, in both languages,
-- who it went to and when each recipient read it; each item's materials in versions, and who read which version.

create table meeting_notice (
    meeting_id bigint primary key references meeting (id) on delete cascade,
    text_zh    text   not null,
    text_en    text   not null,
    sends      int    not null default 1,
    sent_at    timestamptz not null default now(),
    sent_by    bigint
);

-- One row per recipient account; a notice sent again (changed) must be read again.
create table meeting_notice_receipt (
    meeting_id   bigint not null references meeting_notice (meeting_id) on delete cascade,
    account_id   bigint not null references account (id) on delete cascade,
    person_id    bigint not null references person (id),
    delivered_at timestamptz not null default now(),
    read_at      timestamptz,
    mailed_at    timestamptz,
    primary key (meeting_id, account_id)
);
create index meeting_notice_unread on meeting_notice_receipt (account_id) where read_at is null;

-- Materials of an agenda item: each upload is a new version; the newest is the one members are to read.
create table agenda_material (
    id             bigint generated always as identity primary key,
    agenda_item_id bigint not null references agenda_item (id) on delete cascade,
    version        int    not null,
    file_name      text   not null check (length(file_name) between 1 and 200),
    content_type   text   not null,
    size_bytes     bigint not null,
    content        bytea  not null,
    uploaded_at    timestamptz not null default now(),
    uploaded_by    bigint,
    unique (agenda_item_id, version)
);

create table agenda_material_receipt (
    material_id bigint not null references agenda_material (id) on delete cascade,
    account_id  bigint not null references account (id) on delete cascade,
    read_at     timestamptz not null default now(),
    primary key (material_id, account_id)
);

-- Directory: bodies, their terms, people, the offices they hold, membership of bodies, and units.
-- Protocol order is stored explicitly: body.protocol_rank orders bodies (Party committee, congress, government,
-- CPPCC), office.protocol_rank orders office holders within a body.

create table body (
    id             bigint generated always as identity primary key,
    kind           text   not null check (kind in ('PARTY_COMMITTEE', 'STANDING_COMMITTEE', 'CONGRESS',
                                                   'CONGRESS_STANDING_COMMITTEE', 'GOVERNMENT', 'CPPCC',
                                                   'CPPCC_STANDING_COMMITTEE', 'OTHER')),
    name_zh        text   not null check (btrim(name_zh) <> ''),
    name_en        text,
    short_name_zh  text,
    parent_id      bigint references body (id),
    protocol_rank  int    not null default 100,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        int    not null default 0
);

create table term (
    id         bigint generated always as identity primary key,
    body_id    bigint not null references body (id),
    number     int    not null check (number > 0),
    starts_on  date   not null,
    ends_on    date,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (body_id, number),
    check (ends_on is null or ends_on >= starts_on)
);

create table person (
    id             bigint generated always as identity primary key,
    name_zh        text,
    name_romanized text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        int    not null default 0,
    check (coalesce(btrim(name_zh), '') <> '' or coalesce(btrim(name_romanized), '') <> '')
);

create table office (
    id              bigint generated always as identity primary key,
    person_id       bigint not null references person (id) on delete cascade,
    body_id         bigint not null references body (id),
    title_zh        text   not null check (btrim(title_zh) <> ''),
    title_en        text,
    title_en_plural text,
    title_en_short  text,
    protocol_rank   int    not null,
    starts_on       date,
    ends_on         date,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);
create index office_person on office (person_id);

create table membership (
    id         bigint generated always as identity primary key,
    term_id    bigint not null references term (id) on delete cascade,
    person_id  bigint not null references person (id) on delete cascade,
    starts_on  date,
    ends_on    date,
    created_at timestamptz not null default now(),
    unique (term_id, person_id),
    check (ends_on is null or starts_on is null or ends_on >= starts_on)
);

create table unit (
    id            bigint generated always as identity primary key,
    name_zh       text not null check (btrim(name_zh) <> ''),
    name_en       text,
    short_name_zh text,
    protocol_rank int  not null default 100,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       int  not null default 0,
    unique (name_zh)
);

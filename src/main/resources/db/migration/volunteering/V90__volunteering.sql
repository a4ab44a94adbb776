-- Volunteer service (issue 15): stations of the civilisation-practice centres with their managers, and the registry
-- of volunteers with the fields of the 2020 measures. ID numbers are kept only encrypted (AES-GCM, bytes written by
-- the application), with a blind index (HMAC-SHA256) that finds a duplicate, and a masked form for display.

create table volunteer_station (
    id          bigint generated always as identity primary key,
    kind        text   not null check (kind in ('CENTRE', 'INSTITUTE', 'STATION')),  -- 实践中心 / 实践所 / 实践站
    name        text   not null unique check (length(btrim(name)) > 0),
    parent_id   bigint references volunteer_station (id),
    area        text   not null default '',
    created_at  timestamptz not null default now(),
    created_by  text   not null
);

create table volunteer_station_manager (
    station_id bigint not null references volunteer_station (id) on delete cascade,
    account_id bigint not null references account (id) on delete cascade,
    primary key (station_id, account_id)
);
create index volunteer_station_manager_account on volunteer_station_manager (account_id);

create table volunteer (
    id                 bigint generated always as identity primary key,
    name               text   not null,
    sex                text   not null check (sex in ('MALE', 'FEMALE')),
    birth_date         date   not null,
    id_number_cipher   bytea  not null,
    id_number_index    bytea  not null unique,
    id_number_masked   text   not null,
    area               text   not null,
    contact            text   not null,
    skills             text[] not null default '{}',
    service_categories text[] not null default '{}',
    training           text   not null default '',
    awards             text   not null default '',
    station_id         bigint references volunteer_station (id),
    account_id         bigint unique references account (id) on delete set null,
    created_at         timestamptz not null default now(),
    created_by         text   not null,
    updated_at         timestamptz not null default now(),
    updated_by         text   not null
);
create index volunteer_by_station on volunteer (station_id, id);

insert into role (code, name_zh, name_en, administrator, position) values
    ('volunteer',       '志愿者',         'Volunteer',       false, 60),
    ('station-manager', '志愿服务站点管理员', 'Station manager', false, 70);

insert into role_permission (role_code, permission) values
    ('volunteer', 'volunteer:self'),
    ('station-manager', 'volunteer:station'),
    ('office', 'volunteer:manage');

-- Accounts, roles and permissions (三员分立: system, security and audit administrators hold separate powers),
-- personal access tokens, and the HTTP sessions (shared by all nodes).

create table account (
    id                   bigint generated always as identity primary key,
    username             text    not null unique check (username = lower(username) and username ~ '^[a-z0-9._-]{2,40}$'),
    display_name         text,
    password_hash        text,
    must_change_password boolean not null default true,
    failed_logins        int     not null default 0,
    locked_until         timestamptz,
    enabled              boolean not null default true,
    person_id            bigint references person (id),
    unit_id              bigint references unit (id),
    oidc_subject         text unique,
    password_changed_at  timestamptz,
    last_login_at        timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

create table role (
    code          text primary key check (code ~ '^[a-z][a-z0-9-]{1,30}$'),
    name_zh       text not null,
    name_en       text not null,
    administrator boolean not null default false,
    position      int  not null default 100
);

create table role_permission (
    role_code  text not null references role (code) on delete cascade,
    permission text not null,
    primary key (role_code, permission)
);

create table account_role (
    account_id bigint not null references account (id) on delete cascade,
    role_code  text   not null references role (code),
    primary key (account_id, role_code)
);

-- Only a hash of each token is kept; the token itself is shown once, when created.
create table access_token (
    id           bigint generated always as identity primary key,
    account_id   bigint not null references account (id) on delete cascade,
    name         text   not null,
    token_hash   text   not null unique,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index access_token_account on access_token (account_id);

insert into role (code, name_zh, name_en, administrator, position) values
    ('sysadmin',    '系统管理员',   'System administrator',   true,  1),
    ('secadmin',    '安全保密管理员', 'Security administrator', true,  2),
    ('auditor',     '安全审计员',   'Audit administrator',    true,  3),
    ('office',      '办公室工作人员', 'Office staff',           false, 10),
    ('member',      '成员',        'Member',                 false, 20),
    ('supervision', '督查室',      'Supervision office',     false, 30),
    ('liaison',     '单位联络员',   'Unit liaison',           false, 40),
    ('reader',      '读者',        'Reader',                 false, 50);

insert into role_permission (role_code, permission) values
    ('sysadmin', 'account:manage'),
    ('secadmin', 'role:manage'), ('secadmin', 'role:assign'),
    ('auditor', 'audit:read'), ('auditor', 'audit:export'), ('auditor', 'audit:verify'),
    ('office', 'directory:read'), ('office', 'directory:edit'), ('office', 'meeting:read-all'), ('office', 'meeting:edit'),
    ('office', 'meeting:item:read-internal'), ('office', 'meeting:item:read-confidential'), ('office', 'readout:read'),
    ('member', 'directory:read'), ('member', 'meeting:read'), ('member', 'meeting:item:read-internal'),
    ('member', 'meeting:item:read-confidential'), ('member', 'readout:read'),
    ('supervision', 'directory:read'), ('supervision', 'meeting:read-all'), ('supervision', 'meeting:item:read-internal'),
    ('supervision', 'readout:read'),
    ('liaison', 'readout:read'),
    ('reader', 'readout:read');

-- Spring Session's tables for PostgreSQL.
create table spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null unique,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create index spring_session_expiry on spring_session (expiry_time);
create index spring_session_principal on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

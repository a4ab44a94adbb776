-- Issue 11 (三员分立): changes to an administrator role's permissions, and to which administrator role an account
-- holds, take two people. One administrator proposes (the change waits here); a different administrator, holding
-- another administrator role, confirms it (only then is it applied) or refuses it.
create table administration_change (
    id               bigint generated always as identity primary key,
    kind             text        not null check (kind in ('role-permissions', 'account-roles')),
    role_code        text        references role (code),
    account_id       bigint      references account (id) on delete cascade,
    before_values    text[]      not null,
    proposed_values  text[]      not null,
    proposed_by      bigint      not null references account (id),
    proposed_by_role text        not null,
    proposed_at      timestamptz not null default now(),
    state            text        not null default 'PROPOSED'
                                 check (state in ('PROPOSED', 'CONFIRMED', 'REFUSED', 'SUPERSEDED')),
    decided_by       bigint      references account (id),
    decided_at       timestamptz,
    reason           text,
    check ((kind = 'role-permissions') = (role_code is not null)),
    check ((kind = 'account-roles') = (account_id is not null))
);
create index administration_change_pending on administration_change (proposed_at) where state = 'PROPOSED';

-- Motions (议案) of a congress session (issue 13, item 3): by the presidium, a delegation, or deputies jointly (the
-- co-signers they need are configured: 10 at county level, 5 at township level), with subject, grounds and proposed
-- solution; the presidium puts each on the agenda or has it handled as a suggestion.
alter table assembly_session add column motions_until timestamptz;

create table motion (
    id            bigint generated always as identity primary key,
    session_id    bigint not null references assembly_session (id),
    number        int    not null check (number > 0),
    proposer      text   not null check (proposer in ('PRESIDIUM', 'DELEGATION', 'DEPUTIES')),
    delegation_id bigint references assembly_group (id),
    subject       text   not null check (btrim(subject) <> ''),
    grounds       text   not null check (btrim(grounds) <> ''),
    solution      text   not null check (btrim(solution) <> ''),
    state         text   not null default 'SUBMITTED' check (state in ('SUBMITTED', 'ON_AGENDA', 'AS_SUGGESTION')),
    submitted_at  timestamptz not null default now(),
    submitted_by  text   not null,
    decided_at    timestamptz,
    decided_by    text,
    unique (session_id, number),
    check ((proposer = 'DELEGATION') = (delegation_id is not null))
);

-- The deputies who sign a motion jointly, in the order they signed (the first is the lead proposer).
create table motion_signer (
    motion_id bigint not null references motion (id),
    seat_id   bigint not null references assembly_seat (id),
    position  int    not null,
    primary key (motion_id, seat_id)
);

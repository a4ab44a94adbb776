-- Issue 11 (sign-in answers): wrong passwords given for user names that have no account are counted and "lock" the
-- name exactly as an account's failures lock it, so that the answers (and the lockout) do not tell which names
-- exist. Rows are forgotten 30 days after their last failure.
create table sign_in_failure (
    username       text        primary key,
    failed_logins  int         not null,
    locked_until   timestamptz,
    last_failed_at timestamptz not null
);
create index sign_in_failure_last on sign_in_failure (last_failed_at);

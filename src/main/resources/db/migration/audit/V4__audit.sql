-- Audit log (等保2.0 level 3): who did what, when, from where, with the state before and after, as a hash chain.
--
-- Each entry's hash is SHA-256 (lower-case hex) over the canonical encoding of its fields, see
-- org.yishi.audit.AuditEntry#expectedHash: id, at (UTC, microseconds), actor, ip, action, subject_type, subject_id,
-- before_json, after_json and prev_hash, the hash of the entry before it. JSON is kept as text, byte for byte as
-- hashed. Appends are serialised by an advisory lock, so ids follow the chain; ids may have gaps (a rolled-back
-- append still uses up its number), which is why the chain, not the numbering, tells whether an entry is missing.

create table audit_entry (
    id           bigint generated always as identity primary key,
    at           timestamptz not null,
    actor        text        not null,
    ip           text,
    action       text        not null,
    subject_type text,
    subject_id   text,
    before_json  text,
    after_json   text,
    prev_hash    text,
    hash         text        not null
);
create index audit_entry_at on audit_entry (at);
create index audit_entry_actor on audit_entry (actor, id);
create index audit_entry_action on audit_entry (action, id);
create index audit_entry_subject on audit_entry (subject_type, subject_id, id);

-- The chain's two ends in one row, changed in the transaction of each append and purge:
-- last_id/last_hash name the newest entry, so that deleting the newest entries is noticed;
-- anchor_id/anchor_hash name the newest purged entry, to which the oldest remaining entry links.
create table audit_chain_head (
    id          int primary key default 1 check (id = 1),
    last_id     bigint,
    last_hash   text,
    anchor_id   bigint,
    anchor_hash text
);
insert into audit_chain_head (id) values (1);

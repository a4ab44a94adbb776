-- Issue 11: the audit chain is keyed. Entries from keyed_from on are hashed with HMAC-SHA256 under a key kept outside
-- the database (see org.yishi.audit.AuditKey); older entries keep their plain SHA-256 hashes and are verified as the
-- legacy segment. Every signed checkpoint written outside the database repeats keyed_from, so that moving it to make
-- keyed entries pass as legacy ones is found.
alter table audit_chain_head add column keyed_from bigint;
update audit_chain_head set keyed_from = coalesce(last_id, 0) + 1;
alter table audit_chain_head alter column keyed_from set not null;

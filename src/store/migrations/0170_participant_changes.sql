-- Issue 18: the audit seq of each participant's last write, written by the audit append in the same
-- statement as the records (append-audit.ts), so a cached dashboard rebuilds only the participants
-- whose data changed since it was built instead of the whole study. Derived from the audit trail: not
-- trial data, not audited itself.
CREATE TABLE participant_changes (
  participant_id uuid PRIMARY KEY,
  chain text NOT NULL,
  seq bigint NOT NULL
);
CREATE INDEX participant_changes_chain_seq ON participant_changes (chain, seq);
-- Every audited write now writes here: a role the server already connects as (one that may add audit
-- records) gets it at once; grant_application_role covers it for roles granted later.
DO $$
DECLARE r text;
BEGIN
  FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants WHERE table_schema = current_schema() AND table_name = 'audit' AND privilege_type = 'INSERT' AND grantee <> current_user LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON participant_changes TO %I', r);
  END LOOP;
END;
$$;

-- Audit tip anchoring (issue 18): each commit batch records its chain's new head (last seq and
-- hash). Removing records from the end of a chain then leaves a checkpoint naming a record that is
-- gone. Append-only like the audit trail itself.
CREATE TABLE audit_checkpoints (
  chain text NOT NULL,
  seq   bigint NOT NULL,
  hash  text NOT NULL,
  at    timestamptz NOT NULL,
  PRIMARY KEY (chain, seq)
);
CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_forbid_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_forbid_change();
-- The heads of the chains as they stand now, for databases written before checkpoints.
INSERT INTO audit_checkpoints (chain, seq, hash, at)
  SELECT DISTINCT ON (coalesce(chain, 'legacy')) coalesce(chain, 'legacy'), seq, hash, at FROM audit ORDER BY coalesce(chain, 'legacy'), seq DESC;
-- As the audit trail: the application role may only add checkpoints, never change them.
CREATE OR REPLACE FUNCTION grant_application_role(role_name text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('audit', 'audit_checkpoints', 'schema_migrations') LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t, role_name);
  END LOOP;
  EXECUTE format('GRANT SELECT, INSERT ON audit TO %I', role_name);
  EXECUTE format('GRANT SELECT, INSERT ON audit_checkpoints TO %I', role_name);
  EXECUTE format('GRANT SELECT ON schema_migrations TO %I', role_name);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), role_name);
END;
$$;

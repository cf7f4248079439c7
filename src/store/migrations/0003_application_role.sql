-- grant_application_role(name): what a non-owner login role the server connects as may do.
-- Everything on trial data; only INSERT and SELECT on the audit trail, so even with the trigger
-- dropped the application cannot rewrite history (only the owner can).
CREATE FUNCTION grant_application_role(role_name text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('audit', 'schema_migrations') LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t, role_name);
  END LOOP;
  EXECUTE format('GRANT SELECT, INSERT ON audit TO %I', role_name);
  EXECUTE format('GRANT SELECT ON schema_migrations TO %I', role_name);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), role_name);
END;
$$;

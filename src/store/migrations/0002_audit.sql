-- Append-only, hash-chained audit trail (see src/audit). Rows are only ever inserted.
CREATE TABLE audit (
  seq       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at        timestamptz NOT NULL,
  actor     text NOT NULL,
  action    text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  entity    text NOT NULL,
  entity_id text NOT NULL,
  study_id  text,
  changes   jsonb NOT NULL,
  reason    text,
  prev_hash text NOT NULL,
  hash      text NOT NULL UNIQUE
);
CREATE INDEX audit_entity ON audit (entity, entity_id);

CREATE FUNCTION audit_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_no_update_delete BEFORE UPDATE OR DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_forbid_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_forbid_change();

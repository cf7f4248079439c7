-- Electronic signatures (21 CFR Part 11, issue 18): an investigator signs a visit (visit_id) or a
-- participant's whole casebook (visit_id NULL) by re-entering the password. The signature keeps the
-- signer, the time, the meaning (11.50) and the hash of what was signed, so a later change of the
-- record shows the signature invalid. Like the audit trail, a signature is never changed or removed.
CREATE TABLE signatures (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Signing order, even for two signatures in one clock tick.
  ordinal        bigint GENERATED ALWAYS AS IDENTITY,
  study_id       text NOT NULL REFERENCES studies(id),
  participant_id uuid NOT NULL REFERENCES participants(id),
  visit_id       text,
  signer_id      uuid NOT NULL REFERENCES users(id),
  signer_name    text NOT NULL,
  meaning        text NOT NULL,
  signed_at      timestamptz NOT NULL,
  content_hash   text NOT NULL
);
CREATE INDEX signatures_participant ON signatures (participant_id);
CREATE TRIGGER signatures_no_update_delete BEFORE UPDATE OR DELETE ON signatures
  FOR EACH ROW EXECUTE FUNCTION audit_forbid_change();

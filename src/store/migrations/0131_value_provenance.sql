-- Provenance of values imported from an ODM file (#15): each AuditRecord the source system gave a value
-- (who, where, when, why, its SourceID, the value it left) is kept beside the value, so a later ODM
-- export carries the source's audit trail and not only the import's own audit record.
CREATE TABLE value_provenance (
  observation_id uuid NOT NULL REFERENCES observations (id),
  position integer NOT NULL CHECK (position >= 0),
  transaction_type text CHECK (transaction_type IN ('Insert', 'Update')),
  value text NOT NULL,
  user_oid text NOT NULL,
  location_oid text NOT NULL,
  date_time_stamp text NOT NULL,
  reason_for_change text,
  source_id text,
  file_oid text NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (observation_id, position)
);

-- The users an imported file's AuditRecords name (ODM AdminData), per study: they are no accounts here.
CREATE TABLE imported_users (
  study_id text NOT NULL REFERENCES studies (id),
  oid text NOT NULL,
  login text NOT NULL,
  display_name text NOT NULL,
  PRIMARY KEY (study_id, oid)
);

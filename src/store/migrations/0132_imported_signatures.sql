-- Electronic signatures an imported ODM file carries (#15), kept as provenance records, not re-applied:
-- a 21 CFR Part 11 signature is bound to its signer (11.70), who signed in the source system and not
-- here. Each keeps the ODM Signature's UserRef, LocationRef, SignatureRef and DateTimeStamp, and the hash
-- of the record as imported (src/signatures), so an export writes it only while the record is unchanged.
CREATE TABLE imported_signatures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id text NOT NULL REFERENCES studies (id),
  participant_id uuid NOT NULL REFERENCES participants (id),
  visit_id text,
  user_oid text NOT NULL,
  location_oid text NOT NULL,
  signature_oid text NOT NULL,
  date_time_stamp text NOT NULL,
  content_hash text NOT NULL,
  file_oid text NOT NULL,
  imported_at timestamptz NOT NULL
);
CREATE INDEX imported_signatures_study ON imported_signatures (study_id);

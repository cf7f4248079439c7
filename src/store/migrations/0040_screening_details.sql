-- A screening record keeps what the decision rested on: the facts as entered, the attestations with
-- who made them and when, the planned first dose the windows counted back from, the protocol version
-- the criteria came from, and who recorded it when. `explanation` holds the per-criterion result.
ALTER TABLE screening_records
  ADD COLUMN facts            jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN attestations     jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN first_dose       date,
  ADD COLUMN protocol_version text,
  ADD COLUMN screened_by      uuid REFERENCES users (id),
  ADD COLUMN recorded_at      timestamptz;
CREATE INDEX screening_records_participant ON screening_records (participant_id, recorded_at);

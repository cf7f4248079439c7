-- Protocol versions (issue 13): every version a study ran under, with when it took effect, why, its
-- difference from the one before and whether participants must consent again.
CREATE TABLE protocol_versions (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id           text NOT NULL REFERENCES studies (id),
  version            text NOT NULL,
  protocol           jsonb NOT NULL,
  effective_date     date NOT NULL,
  reason             text NOT NULL,
  changes            jsonb NOT NULL,
  -- The consent document version participants must sign under this protocol; null: no re-consent.
  reconsent_version  text,
  created_at         timestamptz NOT NULL,
  UNIQUE (study_id, version)
);

-- Each record keeps the protocol version in force when it was entered (the study's at that moment),
-- set by the database so that no write path can forget it.
ALTER TABLE visits ADD COLUMN protocol_version text;
ALTER TABLE observations ADD COLUMN protocol_version text;
ALTER TABLE doses ADD COLUMN protocol_version text;

CREATE FUNCTION stamp_protocol_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.protocol_version IS NULL THEN
    SELECT s.protocol_version INTO NEW.protocol_version
      FROM participants p JOIN studies s ON s.id = p.study_id WHERE p.id = NEW.participant_id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER visits_protocol_version BEFORE INSERT ON visits FOR EACH ROW EXECUTE FUNCTION stamp_protocol_version();
CREATE TRIGGER observations_protocol_version BEFORE INSERT ON observations FOR EACH ROW EXECUTE FUNCTION stamp_protocol_version();
CREATE TRIGGER doses_protocol_version BEFORE INSERT ON doses FOR EACH ROW EXECUTE FUNCTION stamp_protocol_version();

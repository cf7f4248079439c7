-- Consent records (issue 13): when each was recorded, so that two consents signed the same day keep
-- their order (0130 indexes consents by participant).
ALTER TABLE consents ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now();

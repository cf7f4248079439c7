-- A study starts as a design (its protocol may change, nothing is randomized) and goes live when it
-- is activated. Studies created before this migration were usable at once, so they are live.
ALTER TABLE studies ADD COLUMN status text NOT NULL DEFAULT 'live' CHECK (status IN ('design', 'live'));
ALTER TABLE studies ADD COLUMN activated_at timestamptz;

-- The allocation list sealed at activation: an HMAC-SHA256 keyed by the study's secret seed over
-- the list generated from it, so the list can later be shown unchanged without the seal itself
-- telling anything (a plain hash of a short list could be found by trying every list).
CREATE TABLE allocation_seals (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id  text NOT NULL UNIQUE REFERENCES studies (id),
  entries   integer NOT NULL,
  list_hmac text NOT NULL,
  sealed_at timestamptz NOT NULL
);

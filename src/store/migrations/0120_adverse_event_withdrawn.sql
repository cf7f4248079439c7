-- A lab-proposed adverse event that a regrade no longer supports (a baseline entered or corrected later)
-- is withdrawn by the system, audited; a later regrade may propose it again. Only proposed events are withdrawn.
ALTER TABLE adverse_events DROP CONSTRAINT adverse_events_status_check;
ALTER TABLE adverse_events ADD CONSTRAINT adverse_events_status_check CHECK (status IN ('proposed', 'confirmed', 'dismissed', 'withdrawn'));

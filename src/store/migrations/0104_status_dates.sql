-- The date each participant reached their current status (issue 13), so that a later step dated
-- before it is refused. Rows written before this migration keep null (no earlier date to compare).
ALTER TABLE participants ADD COLUMN status_on date;

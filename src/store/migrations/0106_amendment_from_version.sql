-- Each amendment names the version it replaced (issue 13), so a study's history reads
-- "1 → 1a → 2" from the first version on (the first version itself is not a row of its own).
ALTER TABLE protocol_versions ADD COLUMN from_version text;

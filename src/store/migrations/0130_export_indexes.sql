-- The exports read consents a page of participants at a time (src/store/export-pages.ts): without this
-- index each page scans the table whole, quadratic in the study's size.
CREATE INDEX consents_participant ON consents (participant_id);

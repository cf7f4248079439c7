-- Database lock (issue 7): once a study is locked its clinical data are final; the unblinded
-- analysis may run. The lock itself is an audited update of these columns.
ALTER TABLE studies ADD COLUMN locked_at timestamptz;
ALTER TABLE studies ADD COLUMN locked_by text;
ALTER TABLE studies ADD COLUMN lock_reason text;
ALTER TABLE studies ADD CONSTRAINT studies_lock_complete CHECK ((locked_at IS NULL) = (locked_by IS NULL) AND (locked_at IS NULL) = (lock_reason IS NULL));

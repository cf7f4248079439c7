-- A data query is always on one participant's field at their site (the API has raised them so since
-- 0020 added site_id); the declaration in src/store/schema says so, and now the table does too.
UPDATE queries q SET site_id = p.site_id FROM participants p WHERE p.id = q.participant_id AND q.site_id IS NULL;
ALTER TABLE queries ALTER COLUMN participant_id SET NOT NULL;
ALTER TABLE queries ALTER COLUMN site_id SET NOT NULL;
ALTER TABLE queries ALTER COLUMN field SET NOT NULL;

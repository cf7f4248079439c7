-- A value saved through a defined form records the form and its version, so it keeps displaying under
-- the definition it was entered with after an amendment changes the form.
ALTER TABLE observations ADD COLUMN form_id text;
ALTER TABLE observations ADD COLUMN form_version text;
ALTER TABLE observations ADD CONSTRAINT observations_form_version CHECK ((form_id IS NULL) = (form_version IS NULL));

-- Every version of a defined form that a study has saved values under (issue 14): an amendment that
-- changes a form does not make the records entered under the old version unreadable; they keep
-- displaying under the definition they were entered with.
CREATE TABLE form_definitions (
  study_id text NOT NULL,
  form_id text NOT NULL,
  version text NOT NULL,
  definition jsonb NOT NULL,
  PRIMARY KEY (study_id, form_id, version)
);

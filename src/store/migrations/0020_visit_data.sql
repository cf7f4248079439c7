-- Visit data (issue 6): lab grades, site reference ranges, adverse-event details, the query life cycle.

-- A lab observation keeps its worst CTCAE v5.0 grade and the term it was graded under.
ALTER TABLE observations ADD COLUMN grade integer CHECK (grade BETWEEN 0 AND 4);
ALTER TABLE observations ADD COLUMN grade_term text;

-- A site's laboratory reference range for one analyte, in `unit`. Sites without a row use the
-- defaults in src/store/observations-reference-ranges.ts.
CREATE TABLE site_reference_ranges (
  study_id text NOT NULL,
  site_id  text NOT NULL,
  analyte  text NOT NULL,
  unit     text NOT NULL,
  lln      double precision,
  uln      double precision,
  PRIMARY KEY (study_id, site_id, analyte),
  FOREIGN KEY (study_id, site_id) REFERENCES sites (study_id, id),
  CHECK (lln IS NOT NULL OR uln IS NOT NULL)
);

-- Proposed events come from a graded lab and wait for the investigator, who confirms or dismisses them.
ALTER TABLE adverse_events ADD COLUMN status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('proposed', 'confirmed', 'dismissed'));
ALTER TABLE adverse_events ALTER COLUMN relatedness DROP NOT NULL;
ALTER TABLE adverse_events ADD CONSTRAINT adverse_events_confirmed_related CHECK (status <> 'confirmed' OR relatedness IS NOT NULL);
ALTER TABLE adverse_events ADD COLUMN serious_criteria text[] NOT NULL DEFAULT '{}';
ALTER TABLE adverse_events ADD COLUMN action_taken text CHECK (action_taken IN ('none', 'dose-held', 'dose-reduced', 'withdrawn', 'not-applicable'));
ALTER TABLE adverse_events ADD COLUMN outcome text CHECK (outcome IN ('recovered', 'recovering', 'not-recovered', 'recovered-with-sequelae', 'fatal', 'unknown'));
ALTER TABLE adverse_events ADD COLUMN source_observation_id uuid REFERENCES observations (id);
ALTER TABLE adverse_events ADD CONSTRAINT adverse_events_serious_criteria CHECK (serious OR cardinality(serious_criteria) = 0);
CREATE INDEX adverse_events_participant ON adverse_events (participant_id);

-- A query is raised on one field of a participant's data (optionally of one visit), answered by the site, closed by its raiser.
ALTER TABLE queries ADD COLUMN site_id text;
ALTER TABLE queries ADD COLUMN visit_id text;
ALTER TABLE queries ADD COLUMN answer text;
ALTER TABLE queries ADD COLUMN answered_by uuid REFERENCES users (id);
ALTER TABLE queries ADD COLUMN answered_at timestamptz;
ALTER TABLE queries ADD COLUMN closed_by uuid REFERENCES users (id);
ALTER TABLE queries ADD COLUMN closed_at timestamptz;
CREATE INDEX queries_study_site ON queries (study_id, site_id, status);

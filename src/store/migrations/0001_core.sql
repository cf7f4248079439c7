-- Core trial data. Row ids are uuids except studies and sites, whose ids are the protocol's slugs.

CREATE TABLE studies (
  id               text PRIMARY KEY,
  protocol_id      text NOT NULL,
  protocol_version text NOT NULL,
  protocol         jsonb NOT NULL,
  title            text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sites (
  study_id text NOT NULL REFERENCES studies (id),
  id       text NOT NULL,
  name     text NOT NULL,
  PRIMARY KEY (study_id, id)
);

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username      text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  password_hash text,
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- study_id NULL: the role holds in every study (the administrator); site_id NULL: in every site.
CREATE TABLE role_assignments (
  id       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id  uuid NOT NULL REFERENCES users (id),
  study_id text REFERENCES studies (id),
  site_id  text,
  role     text NOT NULL CHECK (role IN ('investigator', 'coordinator', 'unblinded-pharmacist', 'outcomes-assessor',
                                         'monitor', 'data-manager', 'statistician', 'admin')),
  FOREIGN KEY (study_id, site_id) REFERENCES sites (study_id, id),
  CHECK (site_id IS NULL OR study_id IS NOT NULL)
);
CREATE UNIQUE INDEX role_assignments_unique ON role_assignments (user_id, coalesce(study_id, ''), coalesce(site_id, ''), role);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE TABLE api_tokens (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES users (id),
  name       text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE participants (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id      text NOT NULL REFERENCES studies (id),
  site_id       text NOT NULL,
  code          text NOT NULL,
  sex           text NOT NULL CHECK (sex IN ('female', 'male')),
  birth_date    date NOT NULL,
  status        text NOT NULL CHECK (status IN ('screening', 'eligible', 'ineligible', 'consented', 'enrolled', 'randomized',
                                                'on-treatment', 'completed', 'withdrawn')),
  status_reason text,
  arm_id        text,
  kit_number    text,
  start_date    date,
  created_at    timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (study_id, site_id) REFERENCES sites (study_id, id),
  UNIQUE (study_id, code)
);
CREATE INDEX participants_site ON participants (study_id, site_id);

CREATE TABLE screening_records (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participants (id),
  screened_on    date NOT NULL,
  decision       text NOT NULL CHECK (decision IN ('eligible', 'ineligible', 'incomplete')),
  explanation    jsonb NOT NULL
);

CREATE TABLE consents (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participants (id),
  form_version   text NOT NULL,
  signed_on      date NOT NULL
);

CREATE TABLE enrolments (
  participant_id uuid PRIMARY KEY REFERENCES participants (id),
  enrolled_on    date NOT NULL
);

CREATE TABLE visits (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participants (id),
  visit_id       text NOT NULL,
  visit_date     date NOT NULL,
  status         text NOT NULL CHECK (status IN ('done', 'missed')),
  UNIQUE (participant_id, visit_id)
);

-- Instrument items, scores, labs and immune-panel values: one row per value.
CREATE TABLE observations (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participants (id),
  visit_row_id   uuid REFERENCES visits (id),
  kind           text NOT NULL CHECK (kind IN ('item', 'score', 'lab', 'immune-panel', 'vital', 'other')),
  key            text NOT NULL,
  value_num      double precision,
  value_text     text,
  unit           text,
  CHECK (value_num IS NOT NULL OR value_text IS NOT NULL)
);
CREATE UNIQUE INDEX observations_unique ON observations (participant_id, coalesce(visit_row_id, '00000000-0000-0000-0000-000000000000'), kind, key);

CREATE TABLE doses (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participants (id),
  day            integer NOT NULL,
  dose_date      date NOT NULL,
  status         text NOT NULL CHECK (status IN ('given', 'held')),
  reason         text,
  UNIQUE (participant_id, day),
  CHECK (status = 'given' OR reason IS NOT NULL)
);

CREATE TABLE adverse_events (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participants (id),
  term           text NOT NULL,
  onset_date     date NOT NULL,
  resolved_date  date,
  grade          integer NOT NULL CHECK (grade BETWEEN 1 AND 5),
  serious        boolean NOT NULL DEFAULT false,
  relatedness    text NOT NULL CHECK (relatedness IN ('not-related', 'unlikely', 'possible', 'probable', 'definite'))
);

CREATE TABLE queries (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id       text NOT NULL REFERENCES studies (id),
  participant_id uuid REFERENCES participants (id),
  entity         text NOT NULL,
  entity_id      text NOT NULL,
  field          text,
  text           text NOT NULL,
  status         text NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
  raised_by      uuid NOT NULL REFERENCES users (id),
  raised_at      timestamptz NOT NULL
);

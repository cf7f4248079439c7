-- Randomization with concealment (issue 5). The seed is the secret the allocation sequence and the
-- kit list derive from: no route shows it, and its rows are not copied into the audit trail.
CREATE TABLE randomization_seeds (
  study_id   text PRIMARY KEY REFERENCES studies (id),
  seed       bytea NOT NULL CHECK (length(seed) = 32),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Counts and sequence positions only (src/randomization RandomizationState); locked FOR UPDATE by
-- each randomization so concurrent server processes take turns.
CREATE TABLE randomization_states (
  study_id text PRIMARY KEY REFERENCES studies (id),
  state    jsonb NOT NULL
);

-- One row per randomized participant; the unique keys make a duplicate slot or kit impossible.
CREATE TABLE randomizations (
  participant_id uuid PRIMARY KEY REFERENCES participants (id),
  study_id       text NOT NULL REFERENCES studies (id),
  sequence       integer NOT NULL,
  stratum        text NOT NULL,
  stratum_index  integer NOT NULL,
  block          integer,
  arm_id         text NOT NULL,
  kit_number     text NOT NULL,
  randomized_at  timestamptz NOT NULL,
  UNIQUE (study_id, sequence),
  UNIQUE (study_id, stratum, stratum_index),
  UNIQUE (study_id, kit_number)
);

CREATE TABLE dispensings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participants (id),
  kit_number     text NOT NULL,
  dispensed_by   uuid NOT NULL REFERENCES users (id),
  dispensed_at   timestamptz NOT NULL,
  UNIQUE (participant_id, kit_number)
);

-- Emergency code breaks: the participant's arm becomes visible to this user only.
CREATE TABLE unblindings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participants (id),
  user_id        uuid NOT NULL REFERENCES users (id),
  reason         text NOT NULL CHECK (length(trim(reason)) > 0),
  unblinded_at   timestamptz NOT NULL
);
CREATE INDEX unblindings_user ON unblindings (user_id, participant_id);

-- Messages for the study's unblinded contacts (pharmacist, safety board, administrator).
CREATE TABLE notifications (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  study_id       text NOT NULL REFERENCES studies (id),
  kind           text NOT NULL CHECK (kind IN ('emergency-unblinding')),
  participant_id uuid REFERENCES participants (id),
  text           text NOT NULL,
  created_by     uuid NOT NULL REFERENCES users (id),
  created_at     timestamptz NOT NULL
);
CREATE INDEX notifications_study ON notifications (study_id, created_at);

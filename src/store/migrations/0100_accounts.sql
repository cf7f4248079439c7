-- Accounts run by an administrator (issue 13): an e-mail per user, a password that must be changed
-- at the next sign-in (after a reset, or for a new user's first password), and a session id that
-- can be shown to its user and revoked (the token hash is the secret and is never shown).
ALTER TABLE users ADD COLUMN email text;
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX sessions_id ON sessions (id);
CREATE INDEX sessions_user ON sessions (user_id);

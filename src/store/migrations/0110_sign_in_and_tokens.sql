-- Sign-in throttling: failed attempts per account name and per client address (issue 18).
CREATE TABLE sign_in_failures (
  key             text PRIMARY KEY,
  failures        integer NOT NULL,
  last_failure_at timestamptz NOT NULL
);

-- API tokens: expiring, read-only or not, limited to a subset of their user's roles.
ALTER TABLE api_tokens
  ADD COLUMN expires_at timestamptz,
  ADD COLUMN read_only boolean NOT NULL DEFAULT false,
  ADD COLUMN scope jsonb;
-- Tokens issued before tokens expired get the default lifetime from their creation.
UPDATE api_tokens SET expires_at = created_at + interval '90 days';
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;

-- Expired sessions are purged by their expiry.
CREATE INDEX sessions_expires_at ON sessions (expires_at);

-- User administration and safer defaults (issue 10).

-- API bearer tokens: several per user, each with a label, read-only unless said otherwise (wall displays, QGIS),
-- revocable, optionally expiring. Only the token's SHA-256 is stored; the token is shown once when issued.
CREATE TABLE api_token (
  id           bigserial PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  token_sha256 text NOT NULL UNIQUE CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  label        text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  read_only    boolean NOT NULL DEFAULT true,
  created_by   bigint REFERENCES app_user (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_token_user ON api_token (user_id);

-- Demo accounts are marked: a server started without the demo deactivates them and drops their tokens.
ALTER TABLE app_user ADD COLUMN demo boolean NOT NULL DEFAULT false;
ALTER TABLE app_user ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- The one bearer token a user could have moves into api_token (full access, as it had); the demo's own tokens
-- ('demo-<username>') identify the demo accounts of databases seeded before this migration.
UPDATE app_user SET demo = true WHERE token_sha256 = encode(sha256(convert_to('demo-' || username, 'UTF8')), 'hex');
INSERT INTO api_token (user_id, token_sha256, label, read_only)
  SELECT id, token_sha256, CASE WHEN demo THEN 'demo' ELSE 'migrated' END, false FROM app_user WHERE token_sha256 IS NOT NULL;
ALTER TABLE app_user DROP COLUMN token_sha256;

-- A browser session opened with a read-only token (a wall display's) stays read-only.
ALTER TABLE app_session ADD COLUMN read_only boolean NOT NULL DEFAULT false;

-- Expired sessions are purged by the server (by expiry); sign-out of all sessions of a user (by user).
CREATE INDEX app_session_expires ON app_session (expires_at);
CREATE INDEX app_session_user ON app_session (user_id);

-- The audit log page filters by user and action, newest first.
CREATE INDEX audit_log_username_at ON audit_log (username, at DESC);
CREATE INDEX audit_log_action_at ON audit_log (action, at DESC);

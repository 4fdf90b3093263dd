-- AuraOS store schema for PostgreSQL, version 12: security (issue 15): users who sign in,
-- custom roles, API and refresh tokens (stored as their SHA-256 only), revoked access tokens
-- and the audit log. The same tables as SQLite's version 9, with PostgreSQL types.

-- The seed's `users` (version 1, reserved until now) gets the columns of signing in: a unique,
-- case-sensitive username, the argon2id password hash, a role, a disabled flag, updated_at.
-- Its `email` becomes optional (users sign in by name). Rows written before this version (none
-- by the runtime) sign in by their email, disabled, without a password.
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
ALTER TABLE users ADD COLUMN username text;
ALTER TABLE users ADD COLUMN password_hash text NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'viewer';
ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN updated_at timestamptz;
UPDATE users SET username = email, disabled = true, updated_at = created_at;
ALTER TABLE users ALTER COLUMN username SET NOT NULL;
ALTER TABLE users ALTER COLUMN updated_at SET NOT NULL;
ALTER TABLE users ALTER COLUMN password_hash DROP DEFAULT;
ALTER TABLE users ALTER COLUMN role DROP DEFAULT;
ALTER TABLE users ADD CONSTRAINT users_username_key UNIQUE (username);
CREATE INDEX idx_users_created ON users (created_at, id);

-- Custom roles (the built-in admin, operator and viewer are not stored).
CREATE TABLE roles (
  name        text PRIMARY KEY,
  permissions text[] NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);

-- API tokens of programs; deleted with their user.
CREATE TABLE api_tokens (
  id           text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz,                      -- NULL: never
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX idx_api_tokens_user ON api_tokens (user_id, created_at, id);

-- Refresh tokens of signed-in users; a rotation revokes the old one and names its successor.
CREATE TABLE refresh_tokens (
  id          text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE,
  issued_at   timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz,
  replaced_by text
);
CREATE INDEX idx_refresh_tokens_user ON refresh_tokens (user_id);

-- Revoked access tokens (their `jti`) until they expire. Nodes poll "every seq after the last I
-- read", which is complete only when a seq becomes visible after every lower one: seqs come
-- from one counter row that a revoking transaction locks until it commits (as event seqs do,
-- 0009_event_seq_order.sql), so they are given in commit order and never twice.
CREATE TABLE token_revocations (
  seq        bigint PRIMARY KEY,
  token_id   text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz NOT NULL
);
CREATE INDEX idx_token_revocations_expires ON token_revocations (expires_at);
CREATE TABLE token_revocation_counter (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  last_seq bigint NOT NULL
);
INSERT INTO token_revocation_counter (last_seq) VALUES (0);

-- The audit log, append-only (deleted only by retention, oldest first). Every node appends, so
-- seq is an identity (no lock between nodes): increasing per node, not strictly in commit order
-- across nodes. Lists read it newest first by seq; `at` serves time frames and retention,
-- `actor` a user's entries.
CREATE TABLE audit_log (
  seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         timestamptz NOT NULL,
  actor      text NOT NULL,
  actor_name text NOT NULL,
  token_id   text,
  action     text NOT NULL,
  target     text,
  source     text NOT NULL,
  outcome    text NOT NULL CHECK (outcome IN ('allowed', 'refused', 'failed')),
  status     integer NOT NULL,
  details    jsonb
);
CREATE INDEX idx_audit_log_at ON audit_log (at, seq);
CREATE INDEX idx_audit_log_actor ON audit_log (actor, seq);

-- Raises not found (AUR01) with p_message unless p_count is positive; returns p_count. A write
-- that must find its row calls it on the count of the rows it changed (user_delete.sql, ...).
CREATE FUNCTION auraos_found(p_count bigint, p_message text) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
  IF p_count < 1 THEN
    RAISE EXCEPTION '%', p_message USING ERRCODE = 'AUR01';
  END IF;
  RETURN p_count;
END $$;

-- Changes the given (non-null) fields of user p_id at p_now; AUR01 when it does not exist.
CREATE FUNCTION auraos_update_user(p_id uuid, p_role text, p_hash text, p_disabled boolean,
                                   p_now bigint)
RETURNS TABLE (r_id text, r_username text, r_hash text, r_role text, r_disabled boolean,
               r_created bigint, r_updated bigint)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  UPDATE users u SET role = COALESCE(p_role, u.role),
                     password_hash = COALESCE(p_hash, u.password_hash),
                     disabled = COALESCE(p_disabled, u.disabled), updated_at = auraos_ts(p_now)
  WHERE u.id = p_id
  RETURNING u.id::text, u.username, u.password_hash, u.role, u.disabled, auraos_ms(u.created_at),
            auraos_ms(u.updated_at);
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no user ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
END $$;

-- Revokes API token p_id at p_now (a revoked one keeps its time) and returns it as
-- api_token_find.sql does; AUR01 when it does not exist.
CREATE FUNCTION auraos_revoke_api_token(p_id text, p_now bigint)
RETURNS TABLE (r_id text, r_user text, r_name text, r_hash text, r_created bigint,
               r_expires bigint, r_used bigint, r_revoked bigint)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  UPDATE api_tokens t SET revoked_at = COALESCE(t.revoked_at, auraos_ts(p_now))
  WHERE t.id = p_id
  RETURNING t.id, t.user_id::text, t.name, t.token_hash, auraos_ms(t.created_at),
            auraos_ms(t.expires_at), auraos_ms(t.last_used_at), auraos_ms(t.revoked_at);
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no API token ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
END $$;

-- Replaces the refresh token whose hash is p_old_hash by a new one (p_id, p_hash, expiring at
-- p_expires) of the same user, at p_now; returns the new one as refresh_token_find.sql does.
-- AUR01 when no token has the hash; AUR02 when it is revoked, rotated already or expired. The
-- old row is locked first, so of two rotations of one token only the first succeeds.
CREATE FUNCTION auraos_rotate_refresh_token(p_old_hash text, p_id text, p_hash text,
                                            p_expires bigint, p_now bigint)
RETURNS TABLE (r_id text, r_user text, r_hash text, r_issued bigint, r_expires bigint,
               r_revoked bigint, r_replaced_by text)
LANGUAGE plpgsql AS $$
DECLARE
  old refresh_tokens%ROWTYPE;
BEGIN
  SELECT * INTO old FROM refresh_tokens t WHERE t.token_hash = p_old_hash FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no refresh token with that hash' USING ERRCODE = 'AUR01';
  END IF;
  IF old.revoked_at IS NOT NULL THEN
    RAISE EXCEPTION 'refresh token ''%'' was revoked or rotated already', old.id
      USING ERRCODE = 'AUR02';
  END IF;
  IF old.expires_at <= auraos_ts(p_now) THEN
    RAISE EXCEPTION 'refresh token ''%'' expired', old.id USING ERRCODE = 'AUR02';
  END IF;
  INSERT INTO refresh_tokens (id, user_id, token_hash, issued_at, expires_at)
  VALUES (p_id, old.user_id, p_hash, auraos_ts(p_now), auraos_ts(p_expires));
  UPDATE refresh_tokens SET revoked_at = auraos_ts(p_now), replaced_by = p_id WHERE id = old.id;
  RETURN QUERY
  SELECT t.id, t.user_id::text, t.token_hash, auraos_ms(t.issued_at), auraos_ms(t.expires_at),
         auraos_ms(t.revoked_at), t.replaced_by
  FROM refresh_tokens t WHERE t.id = p_id;
END $$;

-- Revokes access token p_token_id until p_expires (at p_now) unless it is revoked already;
-- returns its revocation as revocations_after.sql does.
CREATE FUNCTION auraos_revoke_token(p_token_id text, p_expires bigint, p_now bigint)
RETURNS TABLE (r_seq bigint, r_token_id text, r_expires bigint, r_revoked bigint)
LANGUAGE plpgsql AS $$
DECLARE
  given bigint;
BEGIN
  -- Locks the counter until this transaction ends (commit order = seq order); every revoker
  -- takes it first, so the existence check below cannot race another revocation.
  SELECT c.last_seq INTO given FROM token_revocation_counter c FOR UPDATE;
  IF NOT EXISTS (SELECT 1 FROM token_revocations r WHERE r.token_id = p_token_id) THEN
    INSERT INTO token_revocations (seq, token_id, expires_at, revoked_at)
    VALUES (given + 1, p_token_id, auraos_ts(p_expires), auraos_ts(p_now));
    UPDATE token_revocation_counter SET last_seq = given + 1;
  END IF;
  RETURN QUERY
  SELECT r.seq, r.token_id, auraos_ms(r.expires_at), auraos_ms(r.revoked_at)
  FROM token_revocations r WHERE r.token_id = p_token_id;
END $$;

-- Creates refresh token $1 of user $2 (hash $3, expiring at $5) at $4; a taken id or hash is a
-- conflict (23505), a missing user not found (23503). Columns as in refresh_token_find.sql.
INSERT INTO refresh_tokens (id, user_id, token_hash, issued_at, expires_at)
VALUES ($1::text, $2::uuid, $3::text, auraos_ts($4::bigint), auraos_ts($5::bigint))
RETURNING id, user_id::text, token_hash, auraos_ms(issued_at), auraos_ms(expires_at),
          auraos_ms(revoked_at), replaced_by

-- Creates API token $1 of user $2 (name $3, hash $4, expiring at $6 or never) at $5; a taken id
-- or hash is a conflict (23505), a missing user not found (23503). Columns as in
-- api_token_find.sql.
INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at)
VALUES ($1::text, $2::uuid, $3::text, $4::text, auraos_ts($5::bigint), auraos_ts($6::bigint))
RETURNING id, user_id::text, name, token_hash, auraos_ms(created_at), auraos_ms(expires_at),
          auraos_ms(last_used_at), auraos_ms(revoked_at)

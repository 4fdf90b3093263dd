-- Revocations with seq > $1 in seq order, at most $2.
SELECT seq, token_id, auraos_ms(expires_at), auraos_ms(revoked_at) FROM token_revocations
WHERE seq > $1::bigint ORDER BY seq LIMIT $2::bigint

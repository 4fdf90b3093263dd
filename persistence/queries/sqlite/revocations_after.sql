-- Revocations with seq > ?1 in seq order, at most ?2.
SELECT seq, token_id, expires_at, revoked_at FROM token_revocations
WHERE seq > ?1 ORDER BY seq LIMIT ?2

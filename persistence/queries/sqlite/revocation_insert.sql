-- Revokes access token ?1 until ?2, at ?3; nothing when it is revoked already.
INSERT INTO token_revocations (token_id, expires_at, revoked_at) VALUES (?1, ?2, ?3)
ON CONFLICT (token_id) DO NOTHING

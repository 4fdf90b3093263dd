-- Revokes API token ?1 at ?2 (a revoked one keeps its time); no row when it does not exist.
UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1
RETURNING id, user_id, name, token_hash, created_at, expires_at, last_used_at, revoked_at

-- Revokes refresh token ?1 at ?2 (a revoked one keeps its time) and, when ?3 is given, names
-- the token that replaced it (rotation).
UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, ?2),
                          replaced_by = coalesce(?3, replaced_by)
WHERE id = ?1

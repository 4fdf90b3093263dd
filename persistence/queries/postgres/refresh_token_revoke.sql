-- Revokes refresh token $1 at $2 (a revoked one keeps its time); not found (AUR01) when it does
-- not exist.
WITH revoked AS (UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, auraos_ts($2::bigint))
                 WHERE id = $1::text RETURNING 1)
SELECT auraos_found(count(*), format('no refresh token ''%s''', $1::text)) FROM revoked

-- Revokes access token $1 until $2, at $3, unless it is revoked already; returns its
-- revocation, columns as in revocations_after.sql.
SELECT * FROM auraos_revoke_token($1::text, $2::bigint, $3::bigint)

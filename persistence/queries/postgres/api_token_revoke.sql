-- Revokes API token $1 at $2 (a revoked one keeps its time); not found (AUR01) when it does not
-- exist. Columns as in api_token_find.sql.
SELECT * FROM auraos_revoke_api_token($1::text, $2::bigint)

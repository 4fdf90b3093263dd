-- Deletes the revocations of tokens expired by $1; how many.
WITH gone AS (DELETE FROM token_revocations WHERE expires_at <= auraos_ts($1::bigint) RETURNING 1)
SELECT count(*) FROM gone

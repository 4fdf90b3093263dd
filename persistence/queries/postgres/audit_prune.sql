-- Deletes the audit entries older than $1; how many.
WITH gone AS (DELETE FROM audit_log WHERE at < auraos_ts($1::bigint) RETURNING 1)
SELECT count(*) FROM gone

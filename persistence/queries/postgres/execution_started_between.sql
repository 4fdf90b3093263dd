-- $1 from (ms, inclusive), $2 to (ms, exclusive): when each execution that started in the
-- window started (its start time, or its creation while it has none).
SELECT auraos_ms(COALESCE(started_at, created_at)) FROM workflow_executions
WHERE (started_at >= auraos_ts($1::bigint) AND started_at < auraos_ts($2::bigint))
   OR (started_at IS NULL AND created_at >= auraos_ts($1::bigint)
       AND created_at < auraos_ts($2::bigint))

-- As timer_due.sql, in the shards $3 only.
SELECT execution_id::text, timer_id, auraos_ms(deadline) FROM timers
WHERE deadline <= auraos_ts($1::bigint) AND shard = ANY ($3::bigint[])
ORDER BY deadline, execution_id, timer_id LIMIT $2::bigint

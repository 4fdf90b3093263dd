-- As timer_due.sql, in the shards of the JSON array ?3 only.
SELECT execution_id, timer_id, deadline_ms FROM timers
WHERE deadline_ms <= ?1 AND shard IN (SELECT value FROM json_each(?3))
ORDER BY deadline_ms, execution_id, timer_id LIMIT ?2

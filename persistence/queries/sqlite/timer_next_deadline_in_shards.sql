-- As timer_next_deadline.sql, in the shards of the JSON array ?1 only.
SELECT MIN(deadline_ms) FROM timers WHERE shard IN (SELECT value FROM json_each(?1))

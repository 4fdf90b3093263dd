-- As timer_next_deadline.sql, in the shards $1 only.
SELECT auraos_ms(MIN(deadline)) FROM timers WHERE shard = ANY ($1::bigint[])

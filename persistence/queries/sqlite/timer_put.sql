-- ?1 execution, ?2 timer, ?3 deadline (ms), ?4 the execution's shard
INSERT INTO timers (execution_id, timer_id, deadline_ms, shard) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (execution_id, timer_id) DO UPDATE SET deadline_ms = excluded.deadline_ms

-- $1 execution, $2 timer, $3 deadline (ms), $4 the execution's shard
INSERT INTO timers (execution_id, timer_id, deadline, shard)
VALUES ($1::uuid, $2, auraos_ts($3::bigint), $4::bigint)
ON CONFLICT (execution_id, timer_id) DO UPDATE SET deadline = excluded.deadline

INSERT INTO timers (execution_id, timer_id, deadline) VALUES ($1::uuid, $2, auraos_ts($3::bigint))
ON CONFLICT (execution_id, timer_id) DO UPDATE SET deadline = excluded.deadline

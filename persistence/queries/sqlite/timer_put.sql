INSERT INTO timers (execution_id, timer_id, deadline_ms) VALUES (?1, ?2, ?3)
ON CONFLICT (execution_id, timer_id) DO UPDATE SET deadline_ms = excluded.deadline_ms

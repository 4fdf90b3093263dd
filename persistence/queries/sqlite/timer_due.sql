SELECT execution_id, timer_id, deadline_ms FROM timers
WHERE deadline_ms <= ?1 ORDER BY deadline_ms, execution_id, timer_id LIMIT ?2

DELETE FROM timers WHERE execution_id = ?1 AND timer_id = ?2

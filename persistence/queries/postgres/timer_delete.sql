DELETE FROM timers WHERE execution_id = $1::uuid AND timer_id = $2

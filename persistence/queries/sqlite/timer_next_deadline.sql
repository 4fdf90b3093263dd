SELECT MIN(deadline_ms) FROM timers

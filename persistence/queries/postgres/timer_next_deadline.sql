SELECT auraos_ms(MIN(deadline)) FROM timers

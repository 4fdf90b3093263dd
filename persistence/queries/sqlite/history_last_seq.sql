SELECT COALESCE(MAX(seq), 0) FROM execution_history WHERE execution_id = ?1

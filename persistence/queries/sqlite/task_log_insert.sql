-- Stores log line ?2 of run ?1: at ?3, stream ?4, text ?5.
INSERT INTO task_execution_logs (run_id, seq, logged_at, stream, line) VALUES (?1, ?2, ?3, ?4, ?5)

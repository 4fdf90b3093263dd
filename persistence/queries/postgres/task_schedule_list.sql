-- Every schedule, by task id.
SELECT task_id, spec::text, state::text, auraos_ms(created_at), auraos_ms(updated_at)
FROM task_schedules ORDER BY task_id

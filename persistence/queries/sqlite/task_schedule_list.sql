-- Every schedule, by task id.
SELECT task_id, spec, state, created_at, updated_at FROM task_schedules ORDER BY task_id

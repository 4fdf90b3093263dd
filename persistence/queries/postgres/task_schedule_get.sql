-- Task $1's schedule; the columns every schedule read returns (postgres/task_rows.cpp).
SELECT task_id, spec::text, state::text, auraos_ms(created_at), auraos_ms(updated_at)
FROM task_schedules WHERE task_id = $1::text

-- Task ?1's schedule; the columns every schedule read returns (sqlite/task_rows.cpp).
SELECT task_id, spec, state, created_at, updated_at FROM task_schedules WHERE task_id = ?1

-- Deletes task ?1's schedule.
DELETE FROM task_schedules WHERE task_id = ?1

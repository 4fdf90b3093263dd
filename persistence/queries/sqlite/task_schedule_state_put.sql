-- Stores the scheduler's state ?2 of task ?1's schedule; nothing when it has none.
UPDATE task_schedules SET state = ?2 WHERE task_id = ?1

-- Stores task ?1's schedule (spec ?2, state ?3) at ?4, only while the task exists; a
-- replaced schedule keeps its created_at.
INSERT INTO task_schedules (task_id, spec, state, created_at, updated_at)
SELECT ?1, ?2, ?3, ?4, ?4 WHERE EXISTS (SELECT 1 FROM tasks WHERE id = ?1)
ON CONFLICT (task_id) DO UPDATE SET spec = excluded.spec, state = excluded.state,
                                    updated_at = excluded.updated_at

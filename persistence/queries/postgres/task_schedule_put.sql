-- Stores task $1's schedule (spec $2, state $3) at $4; a replaced schedule keeps its
-- created_at; a task that does not exist is not found (23503).
INSERT INTO task_schedules (task_id, spec, state, created_at, updated_at)
VALUES ($1::text, $2::jsonb, $3::jsonb, auraos_ts($4::bigint), auraos_ts($4::bigint))
ON CONFLICT (task_id) DO UPDATE SET spec = excluded.spec, state = excluded.state,
                                    updated_at = excluded.updated_at
RETURNING task_id, spec::text, state::text, auraos_ms(created_at), auraos_ms(updated_at)

-- AuraOS store schema for PostgreSQL, version 11: the task runs' writes of many requests of one
-- group commit in one call (docs/storage.md, "Tasks"). The pool's starts and the run actors'
-- ends (a run's new fields and its log lines) come in many small requests; stored one call per
-- run and request they cost the database more than the runs themselves.

-- Applies the run updates (p_ids...: the fields of auraos_update_task_run, one element per run)
-- and log lines (p_log_*: one element per line, numbered on from each run's last in the given
-- order) of many requests, p_requests / p_log_requests telling which request each belongs to.
-- A request naming a run that does not exist is left out as a whole (none of its updates or
-- lines is stored); each such request comes back with the run it named. The caller sends no
-- run in two updates.
CREATE FUNCTION auraos_apply_task_runs(
    p_requests bigint[], p_ids uuid[], p_statuses text[], p_outputs text[], p_errors text[],
    p_attempts bigint[], p_priorities bigint[], p_started bigint[], p_completed bigint[],
    p_next bigint[], p_resources text[], p_workers text[], p_lease_ids text[],
    p_lease_ends bigint[], p_depends text[], p_schedule_times bigint[],
    p_log_requests bigint[], p_log_runs uuid[], p_log_at bigint[], p_log_streams text[],
    p_log_lines text[])
RETURNS TABLE (r_request bigint, r_missing text)
LANGUAGE plpgsql AS $$
DECLARE
  rejected bigint[];
  missing text[];
BEGIN
  SELECT coalesce(array_agg(m.req), '{}'), coalesce(array_agg(m.id::text), '{}')
  INTO rejected, missing
  FROM (SELECT DISTINCT ON (n.req) n.req, n.id
        FROM (SELECT u.req, u.id FROM unnest(p_requests, p_ids) AS u(req, id)
              UNION ALL
              SELECT l.req, l.id FROM unnest(p_log_requests, p_log_runs) AS l(req, id)) AS n
        WHERE NOT EXISTS (SELECT 1 FROM task_executions e WHERE e.id = n.id)
        ORDER BY n.req, n.id) AS m;
  -- Lines are numbered under the run's row lock, as auraos_append_task_log does.
  PERFORM 1 FROM task_executions e
  WHERE e.id IN (SELECT l.id FROM unnest(p_log_requests, p_log_runs) AS l(req, id)
                 WHERE l.req <> ALL (rejected))
  ORDER BY e.id FOR NO KEY UPDATE;
  UPDATE task_executions e SET
    status = v.status, output_data = v.output::jsonb, error = v.error::jsonb,
    error_message = v.error::jsonb ->> 'message', attempt = v.attempts, priority = v.priority,
    started_at = auraos_ts(v.started), completed_at = auraos_ts(v.completed),
    execution_time = v.completed - v.started, next_attempt_at = auraos_ts(v.next_at),
    resource_allocation = v.resources::jsonb, worker = v.worker, lease_id = v.lease_id,
    lease_expires_at = auraos_ts(v.lease_ends), depends_on = v.depends::jsonb,
    schedule_time = auraos_ts(v.schedule_time)
  FROM unnest(p_requests, p_ids, p_statuses, p_outputs, p_errors, p_attempts, p_priorities,
              p_started, p_completed, p_next, p_resources, p_workers, p_lease_ids, p_lease_ends,
              p_depends, p_schedule_times)
       AS v(req, id, status, output, error, attempts, priority, started, completed, next_at,
            resources, worker, lease_id, lease_ends, depends, schedule_time)
  WHERE e.id = v.id AND v.req <> ALL (rejected);
  INSERT INTO task_execution_logs (run_id, seq, logged_at, stream, line)
  SELECT l.id,
         coalesce((SELECT max(x.seq) FROM task_execution_logs x WHERE x.run_id = l.id), 0)
           + row_number() OVER (PARTITION BY l.id ORDER BY l.ord),
         auraos_ts(l.at_ms), l.stream, l.line
  FROM unnest(p_log_requests, p_log_runs, p_log_at, p_log_streams, p_log_lines)
       WITH ORDINALITY AS l(req, id, at_ms, stream, line, ord)
  WHERE l.req <> ALL (rejected);
  RETURN QUERY SELECT r.req, r.id FROM unnest(rejected, missing) AS r(req, id);
END $$;

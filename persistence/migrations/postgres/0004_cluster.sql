-- AuraOS store schema for PostgreSQL, version 4: clusters (docs/storage.md, spec/cluster.md).
-- The shard count, the members, leases that expire, and the shard of every execution and
-- timer, back-filled for the rows of earlier versions with shard_of(id, 64).

-- shard_of of persistence/shards.hpp in SQL: 64-bit FNV-1a of the id's UTF-8 bytes, modulo
-- p_shards. Numeric arithmetic keeps the 64-bit wrap-around exact (used by this migration).
CREATE FUNCTION auraos_shard_of(p_id text, p_shards bigint) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  bytes bytea := convert_to(p_id, 'UTF8');
  hash numeric := 14695981039346656037;
  low integer;
BEGIN
  FOR i IN 0 .. length(bytes) - 1 LOOP
    low := (hash % 256)::integer;
    hash := hash - low + (low # get_byte(bytes, i));
    hash := (hash * 1099511628211) % 18446744073709551616;
  END LOOP;
  RETURN (hash % p_shards)::bigint;
END $$;

-- The cluster's shard count, fixed by its first node. A database that served already (it
-- has leases or executions) was served with 64 shards, and its rows are back-filled so.
CREATE TABLE cluster_meta (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  shards BIGINT NOT NULL CHECK (shards >= 1)
);
INSERT INTO cluster_meta (id, shards)
SELECT 1, 64 WHERE EXISTS (SELECT 1 FROM shard_leases) OR EXISTS (SELECT 1 FROM workflow_executions);

-- The members: a node that joins again under its name gets the next incarnation.
CREATE TABLE cluster_nodes (
  name            TEXT PRIMARY KEY,
  incarnation     BIGINT NOT NULL,
  cluster_address TEXT NOT NULL,
  http_address    TEXT NOT NULL,
  started_at      TIMESTAMPTZ NOT NULL,
  heartbeat_at    TIMESTAMPTZ NOT NULL,
  left_at         TIMESTAMPTZ                 -- NULL while a member
);

-- Leases: the owner's incarnation, and when the lease ends (NULL: never, a single node).
ALTER TABLE shard_leases ADD COLUMN incarnation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE shard_leases ADD COLUMN expires_at TIMESTAMPTZ;
CREATE INDEX idx_shard_leases_owner ON shard_leases (owner, incarnation);

-- The shard of every execution and timer (stored at write time by the store).
ALTER TABLE workflow_executions ADD COLUMN shard BIGINT;
UPDATE workflow_executions SET shard = auraos_shard_of(id::text, 64);
ALTER TABLE workflow_executions ALTER COLUMN shard SET NOT NULL;
ALTER TABLE timers ADD COLUMN shard BIGINT;
UPDATE timers SET shard = auraos_shard_of(execution_id::text, 64);
ALTER TABLE timers ALTER COLUMN shard SET NOT NULL;
CREATE INDEX idx_workflow_executions_unfinished_shard ON workflow_executions (shard, created_at, id)
  WHERE status IN ('pending', 'running', 'paused');
CREATE INDEX idx_timers_shard_deadline ON timers (shard, deadline);

-- The shard count: the stored one (stored first as p_requested, else 64 when none is stored);
-- conflict (AUR02) when p_requested differs from the stored one.
CREATE FUNCTION auraos_ensure_shards(p_requested bigint) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  stored bigint;
BEGIN
  INSERT INTO cluster_meta (id, shards) VALUES (1, COALESCE(p_requested, 64))
  ON CONFLICT (id) DO NOTHING;
  SELECT m.shards INTO stored FROM cluster_meta m WHERE m.id = 1;
  IF p_requested IS NOT NULL AND p_requested <> stored THEN
    RAISE EXCEPTION 'the cluster has % shards, % were asked for', stored, p_requested
      USING ERRCODE = 'AUR02';
  END IF;
  RETURN stored;
END $$;

-- Rejects the write (SQLSTATE AUR03, fenced) unless the shard's lease holds p_epoch and has
-- not expired. The lease row is locked FOR KEY SHARE: an acquisition or a release (which lock
-- it FOR UPDATE) waits for the writer's transaction, a renewal (a plain UPDATE) does not.
CREATE OR REPLACE FUNCTION auraos_check_fence(p_shard bigint, p_epoch bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  held bigint;
  holder text;
  ends timestamptz;
BEGIN
  SELECT l.epoch, l.owner, l.expires_at INTO held, holder, ends FROM shard_leases l
  WHERE l.shard = p_shard FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'shard % has no lease', p_shard USING ERRCODE = 'AUR03';
  END IF;
  IF held <> p_epoch THEN
    RAISE EXCEPTION 'lease lost, shard % is at epoch % (owner ''%''), the writer holds epoch %',
      p_shard, held, holder, p_epoch USING ERRCODE = 'AUR03';
  END IF;
  IF ends IS NOT NULL AND ends <= clock_timestamp() THEN
    RAISE EXCEPTION 'lease expired, shard % at epoch % (owner ''%'') ended at %',
      p_shard, held, holder, ends USING ERRCODE = 'AUR03';
  END IF;
END $$;

-- As in version 1, with the fence check of auraos_check_fence.
CREATE OR REPLACE FUNCTION auraos_append_history(p_execution uuid, p_expected bigint,
                                                 p_shard bigint, p_epoch bigint,
                                                 p_recorded bigint[], p_kinds text[],
                                                 p_nodes text[], p_attempts bigint[],
                                                 p_payloads bytea[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  next_seq bigint;
BEGIN
  IF p_shard IS NOT NULL THEN
    PERFORM auraos_check_fence(p_shard, p_epoch);
  END IF;
  SELECT COALESCE(MAX(h.seq), 0) + 1 INTO next_seq FROM execution_history h
  WHERE h.execution_id = p_execution;
  IF next_seq <> p_expected THEN
    RAISE EXCEPTION 'expected next seq % but the next is %', p_expected, next_seq
      USING ERRCODE = 'AUR02';
  END IF;
  INSERT INTO execution_history (execution_id, seq, recorded_at, kind, node_id, attempt, payload)
  SELECT p_execution, p_expected + e.ord - 1, auraos_ts(e.recorded), e.kind, e.node_id,
         e.attempt, e.payload
  FROM unnest(p_recorded, p_kinds, p_nodes, p_attempts, p_payloads)
       WITH ORDINALITY AS e (recorded, kind, node_id, attempt, payload, ord);
END $$;

-- As in version 2, storing the execution's shard.
DROP FUNCTION auraos_create_execution(uuid, text, bigint, text, jsonb, jsonb, jsonb, bigint,
                                      bigint, bigint, text, jsonb);
CREATE FUNCTION auraos_create_execution(p_id uuid, p_workflow_id text, p_revision bigint,
                                        p_status text, p_input jsonb, p_output jsonb,
                                        p_error jsonb, p_created bigint, p_started bigint,
                                        p_completed bigint, p_key text, p_metrics jsonb,
                                        p_shard bigint)
RETURNS TABLE (r_id text, r_workflow_id text, r_revision bigint, r_status text, r_input text,
               r_output text, r_error text, r_created bigint, r_started bigint,
               r_completed bigint, r_key text, r_metrics text, r_error_message text,
               r_execution_time bigint, r_existing boolean)
LANGUAGE plpgsql AS $$
DECLARE
  found_id uuid;
  existing boolean := true;
BEGIN
  IF p_key IS NOT NULL THEN
    SELECT e.id INTO found_id FROM workflow_executions e
    WHERE e.workflow_id = p_workflow_id AND e.idempotency_key = p_key;
  END IF;
  IF found_id IS NULL THEN
    existing := false;
    found_id := p_id;
    IF p_revision = 0 THEN
      SELECT w.revision INTO p_revision FROM workflows w
      WHERE w.id = p_workflow_id AND w.deleted_at IS NULL;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'no workflow ''%''', p_workflow_id USING ERRCODE = 'AUR01';
      END IF;
    END IF;
    INSERT INTO workflow_executions (id, workflow_id, revision, status, input_data, output_data,
                                     error, created_at, started_at, completed_at,
                                     idempotency_key, metrics, error_message, execution_time,
                                     shard)
    VALUES (p_id, p_workflow_id, p_revision, p_status, p_input, p_output, p_error,
            auraos_ts(p_created), auraos_ts(p_started), auraos_ts(p_completed), p_key,
            p_metrics, p_error ->> 'message', p_completed - p_started, p_shard);
  END IF;
  RETURN QUERY
  SELECT e.id::text, e.workflow_id, e.revision, e.status, e.input_data::text,
         e.output_data::text, e.error::text, auraos_ms(e.created_at), auraos_ms(e.started_at),
         auraos_ms(e.completed_at), e.idempotency_key, e.metrics::text, e.error_message,
         e.execution_time, existing
  FROM workflow_executions e WHERE e.id = found_id;
END $$;

-- Takes a shard for a single node (no expiry, incarnation 0) and bumps its epoch. The row is
-- locked FOR UPDATE first: the acquisition waits for writers holding the old epoch.
CREATE FUNCTION auraos_take_shard(p_shard bigint, p_owner text, p_now bigint)
RETURNS TABLE (r_shard bigint, r_owner text, r_epoch bigint) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM shard_leases l WHERE l.shard = p_shard FOR UPDATE;
  RETURN QUERY
  INSERT INTO shard_leases AS l (shard, owner, epoch, acquired_at, incarnation, expires_at)
  VALUES (p_shard, p_owner, 1, auraos_ts(p_now), 0, NULL)
  ON CONFLICT (shard) DO UPDATE SET
    owner = excluded.owner, epoch = l.epoch + 1, acquired_at = excluded.acquired_at,
    incarnation = 0, expires_at = NULL
  RETURNING l.shard, l.owner, l.epoch;
END $$;

-- Joins (or joins again) the cluster as p_name: fixes or checks the shard count, creates the
-- lease rows of unowned shards (owner ''), bumps the member's incarnation.
CREATE FUNCTION auraos_join_cluster(p_name text, p_cluster_address text, p_http_address text,
                                    p_shards bigint)
RETURNS TABLE (r_shards bigint, r_incarnation bigint) LANGUAGE plpgsql AS $$
DECLARE
  shard_count bigint := auraos_ensure_shards(p_shards);
  joined bigint;
BEGIN
  INSERT INTO shard_leases (shard, owner, epoch, acquired_at, incarnation, expires_at)
  SELECT s, '', 0, clock_timestamp(), 0, clock_timestamp()
  FROM generate_series(0, shard_count - 1) AS s
  ON CONFLICT (shard) DO NOTHING;
  INSERT INTO cluster_nodes AS n (name, incarnation, cluster_address, http_address, started_at,
                                  heartbeat_at, left_at)
  VALUES (p_name, 1, p_cluster_address, p_http_address, clock_timestamp(), clock_timestamp(),
          NULL)
  ON CONFLICT (name) DO UPDATE SET
    incarnation = n.incarnation + 1, cluster_address = excluded.cluster_address,
    http_address = excluded.http_address, started_at = excluded.started_at,
    heartbeat_at = excluded.heartbeat_at, left_at = NULL
  RETURNING n.incarnation INTO joined;
  RETURN QUERY SELECT shard_count, joined;
END $$;

-- Fenced (AUR03) unless p_name is a member under p_incarnation that has not left.
CREATE FUNCTION auraos_check_member(p_name text, p_incarnation bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  held_incarnation bigint;
  gone boolean;
BEGIN
  SELECT n.incarnation, n.left_at IS NOT NULL INTO held_incarnation, gone FROM cluster_nodes n
  WHERE n.name = p_name;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'node ''%'' is no member of the cluster', p_name USING ERRCODE = 'AUR03';
  END IF;
  IF held_incarnation <> p_incarnation THEN
    RAISE EXCEPTION 'node ''%'' joined again (incarnation %, this one is %)', p_name,
      held_incarnation, p_incarnation USING ERRCODE = 'AUR03';
  END IF;
  IF gone THEN
    RAISE EXCEPTION 'node ''%'' (incarnation %) left the cluster', p_name, p_incarnation
      USING ERRCODE = 'AUR03';
  END IF;
END $$;

-- Records the member's heartbeat and renews its unexpired leases to now + p_lease_ms; returns
-- them (columns as auraos_cluster_leases). A renewal is a plain UPDATE: it never waits for
-- writers, which hold the lease rows FOR KEY SHARE.
CREATE FUNCTION auraos_heartbeat(p_name text, p_incarnation bigint, p_lease_ms bigint)
RETURNS TABLE (r_shard bigint, r_owner text, r_incarnation bigint, r_epoch bigint,
               r_expires_in bigint, r_expires_at bigint) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM auraos_check_member(p_name, p_incarnation);
  UPDATE cluster_nodes n SET heartbeat_at = clock_timestamp() WHERE n.name = p_name;
  RETURN QUERY
  WITH renewed AS (
    UPDATE shard_leases l SET expires_at = clock_timestamp() + p_lease_ms * interval '1 ms'
    WHERE l.owner = p_name AND l.incarnation = p_incarnation
      AND l.expires_at > clock_timestamp()
    RETURNING l.shard, l.owner, l.incarnation, l.epoch, l.expires_at)
  SELECT r.shard, r.owner, r.incarnation, r.epoch,
         auraos_ms(r.expires_at) - auraos_ms(clock_timestamp()), auraos_ms(r.expires_at)
  FROM renewed r ORDER BY r.shard;
END $$;

-- Takes p_shard for a member when it is free (owner ''), expired, held by p_name already,
-- or held without expiry by a node that is no member (a single node before the cluster);
-- bumps its epoch. Returns no row when another live owner holds it.
CREATE FUNCTION auraos_acquire_shard(p_shard bigint, p_name text, p_incarnation bigint,
                                     p_lease_ms bigint)
RETURNS TABLE (r_shard bigint, r_owner text, r_incarnation bigint, r_epoch bigint,
               r_expires_in bigint, r_expires_at bigint) LANGUAGE plpgsql AS $$
DECLARE
  lease record;
BEGIN
  PERFORM auraos_check_member(p_name, p_incarnation);
  INSERT INTO shard_leases (shard, owner, epoch, acquired_at, incarnation, expires_at)
  VALUES (p_shard, '', 0, clock_timestamp(), 0, clock_timestamp())
  ON CONFLICT (shard) DO NOTHING;
  SELECT l.owner, l.expires_at INTO lease FROM shard_leases l WHERE l.shard = p_shard FOR UPDATE;
  IF lease.owner <> '' AND lease.owner <> p_name
     AND (lease.expires_at > clock_timestamp()
          OR (lease.expires_at IS NULL
              AND EXISTS (SELECT 1 FROM cluster_nodes n
                          WHERE n.name = lease.owner AND n.left_at IS NULL))) THEN
    RETURN;
  END IF;
  RETURN QUERY
  UPDATE shard_leases l SET owner = p_name, incarnation = p_incarnation, epoch = l.epoch + 1,
    acquired_at = clock_timestamp(),
    expires_at = clock_timestamp() + p_lease_ms * interval '1 ms'
  WHERE l.shard = p_shard
  RETURNING l.shard, l.owner, l.incarnation, l.epoch,
            auraos_ms(l.expires_at) - auraos_ms(clock_timestamp()), auraos_ms(l.expires_at);
END $$;

-- Ends p_name's lease of p_shard at p_epoch now (no-op when it holds no such lease): writers
-- of that epoch are fenced from now on; the row lock waits for those still writing.
CREATE FUNCTION auraos_release_shard(p_shard bigint, p_name text, p_epoch bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM shard_leases l WHERE l.shard = p_shard FOR UPDATE;
  UPDATE shard_leases l SET expires_at = clock_timestamp()
  WHERE l.shard = p_shard AND l.owner = p_name AND l.epoch = p_epoch
    AND (l.expires_at IS NULL OR l.expires_at > clock_timestamp());
END $$;

-- Leaves the cluster: the member is marked left and its leases end now.
CREATE FUNCTION auraos_leave_cluster(p_name text, p_incarnation bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cluster_nodes n SET left_at = clock_timestamp()
  WHERE n.name = p_name AND n.incarnation = p_incarnation AND n.left_at IS NULL;
  PERFORM 1 FROM shard_leases l WHERE l.owner = p_name AND l.incarnation = p_incarnation
  ORDER BY l.shard FOR UPDATE;
  UPDATE shard_leases l SET expires_at = clock_timestamp()
  WHERE l.owner = p_name AND l.incarnation = p_incarnation
    AND (l.expires_at IS NULL OR l.expires_at > clock_timestamp());
END $$;

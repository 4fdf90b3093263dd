-- AuraOS store schema for PostgreSQL, version 4: preconditions checked inside the write.
-- (Version 3 is another change's; versions only add.)

-- Rejects the write (SQLSTATE AUR03, fenced) unless the shard's lease holds p_epoch. The lease
-- row is locked FOR SHARE: no acquisition commits before the writer's transaction ends.
CREATE FUNCTION auraos_check_fence(p_shard bigint, p_epoch bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  held bigint;
  holder text;
BEGIN
  SELECT l.epoch, l.owner INTO held, holder FROM shard_leases l
  WHERE l.shard = p_shard FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'shard % has no lease', p_shard USING ERRCODE = 'AUR03';
  END IF;
  IF held <> p_epoch THEN
    RAISE EXCEPTION 'lease lost, shard % is at epoch % (owner ''%''), the writer holds epoch %',
      p_shard, held, holder, p_epoch USING ERRCODE = 'AUR03';
  END IF;
END $$;

-- Creates a workflow unless a live one has the id (SQLSTATE AUR02, conflict): the row is
-- locked when it exists, and a concurrent create of a new id is caught by the revision it got.
CREATE FUNCTION auraos_create_workflow(p_id text, p_name text, p_description text,
                                       p_version text, p_definition jsonb, p_tags text[],
                                       p_now bigint, p_status text, p_metadata jsonb)
RETURNS TABLE (new_revision bigint, first_created bigint, new_status text)
LANGUAGE plpgsql AS $$
DECLARE
  previous bigint := 0;
  was_deleted boolean := true;
  made record;
BEGIN
  SELECT w.revision, w.deleted_at IS NOT NULL INTO previous, was_deleted FROM workflows w
  WHERE w.id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    previous := 0;
    was_deleted := true;
  END IF;
  IF NOT was_deleted THEN
    RAISE EXCEPTION 'workflow ''%'' exists', p_id USING ERRCODE = 'AUR02';
  END IF;
  SELECT * INTO made FROM auraos_put_workflow(p_id, p_name, p_description, p_version,
                                              p_definition, p_tags, p_now, p_status, p_metadata);
  IF made.new_revision <> previous + 1 THEN
    RAISE EXCEPTION 'workflow ''%'' exists', p_id USING ERRCODE = 'AUR02';
  END IF;
  RETURN QUERY SELECT made.new_revision, made.first_created, made.new_status;
END $$;

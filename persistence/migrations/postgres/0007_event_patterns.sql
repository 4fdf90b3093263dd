-- AuraOS store schema, version 7: pattern rules and their matchers' states
-- (docs/event-patterns.md, "Runtime").
CREATE TABLE event_patterns (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  kind       text NOT NULL,
  rule       jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX idx_event_patterns_created ON event_patterns (created_at, id);

-- One row per rule whose matcher has stored its state; deleted with its rule.
CREATE TABLE event_pattern_states (
  pattern_id text PRIMARY KEY REFERENCES event_patterns (id) ON DELETE CASCADE,
  state      jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Replaces rule p_id at p_now; AUR01 (not found) when it does not exist.
CREATE FUNCTION auraos_update_event_pattern(p_id text, p_name text, p_kind text, p_rule jsonb,
                                            p_now bigint)
RETURNS TABLE (r_id text, r_name text, r_kind text, r_rule text, r_created bigint,
               r_updated bigint)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  UPDATE event_patterns p SET name = p_name, kind = p_kind, rule = p_rule,
                              updated_at = auraos_ts(p_now)
  WHERE p.id = p_id
  RETURNING p.id, p.name, p.kind, p.rule::text, auraos_ms(p.created_at), auraos_ms(p.updated_at);
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no event pattern ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
END $$;

-- Deletes rule p_id and (ON DELETE CASCADE) its state; AUR01 when it does not exist.
CREATE FUNCTION auraos_delete_event_pattern(p_id text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM event_patterns WHERE id = p_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no event pattern ''%''', p_id USING ERRCODE = 'AUR01';
  END IF;
END $$;

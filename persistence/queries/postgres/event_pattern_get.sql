-- One pattern rule by $1 id; the columns every rule read returns (postgres/pattern_rows.cpp).
SELECT id, name, kind, rule::text, auraos_ms(created_at), auraos_ms(updated_at)
FROM event_patterns WHERE id = $1::text

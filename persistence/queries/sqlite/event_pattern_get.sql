-- One pattern rule by ?1 id; the columns every rule read returns (sqlite/pattern_rows.cpp).
SELECT id, name, kind, rule, created_at, updated_at FROM event_patterns WHERE id = ?1

-- Replaces rule $1 (name $2, kind $3, rule $4) at $5; not found (AUR01) when it does not exist.
SELECT * FROM auraos_update_event_pattern($1::text, $2::text, $3::text, $4::jsonb, $5::bigint)

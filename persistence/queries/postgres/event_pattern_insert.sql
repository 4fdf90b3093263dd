-- Creates rule $1 (name $2, kind $3, rule $4) at $5; an existing id is a conflict (23505).
INSERT INTO event_patterns (id, name, kind, rule, created_at, updated_at)
VALUES ($1::text, $2::text, $3::text, $4::jsonb, auraos_ts($5::bigint), auraos_ts($5::bigint))
RETURNING id, name, kind, rule::text, auraos_ms(created_at), auraos_ms(updated_at)

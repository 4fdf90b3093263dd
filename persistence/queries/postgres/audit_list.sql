-- Audit entries newest first: `at` in [$1, $2), actor $3, action $4, outcome $5, target $6
-- (each NULL: any), seq below $7 (NULL: from the newest), at most $8.
SELECT seq, auraos_ms(at), actor, actor_name, token_id, action, target, source, outcome, status,
       details::text
FROM audit_log
WHERE ($1::bigint IS NULL OR at >= auraos_ts($1::bigint))
  AND ($2::bigint IS NULL OR at < auraos_ts($2::bigint))
  AND ($3::text IS NULL OR actor = $3::text) AND ($4::text IS NULL OR action = $4::text)
  AND ($5::text IS NULL OR outcome = $5::text) AND ($6::text IS NULL OR target = $6::text)
  AND ($7::bigint IS NULL OR seq < $7::bigint)
ORDER BY seq DESC
LIMIT $8::bigint

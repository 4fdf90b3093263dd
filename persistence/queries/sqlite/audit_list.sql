-- Audit entries newest first: `at` in [?1, ?2), actor ?3, action ?4, outcome ?5, target ?6
-- (each NULL: any), seq below ?7 (NULL: from the newest), at most ?8. Scans the seq order
-- backwards (the primary key) and stops after one page.
SELECT seq, at, actor, actor_name, token_id, action, target, source, outcome, status, details
FROM audit_log
WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2)
  AND (?3 IS NULL OR actor = ?3) AND (?4 IS NULL OR action = ?4)
  AND (?5 IS NULL OR outcome = ?5) AND (?6 IS NULL OR target = ?6)
  AND seq < coalesce(?7, 9223372036854775807)
ORDER BY seq DESC
LIMIT ?8

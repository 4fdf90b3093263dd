-- How many audit entries with `at` in [?1, ?2) have each (action, outcome).
SELECT action, outcome, count(*) FROM audit_log WHERE at >= ?1 AND at < ?2
GROUP BY action, outcome ORDER BY action, outcome

-- How many audit entries with `at` in [$1, $2) have each (action, outcome).
SELECT action, outcome, count(*) FROM audit_log
WHERE at >= auraos_ts($1::bigint) AND at < auraos_ts($2::bigint)
GROUP BY action, outcome ORDER BY action, outcome

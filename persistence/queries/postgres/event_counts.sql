-- How many events of each type and source have a timestamp in each bucket of $3 ms of the
-- window [$1, $2): (bucket index, type, source, count), at most $4 rows.
SELECT (auraos_ms("timestamp") - $1::bigint) / $3::bigint AS bucket, type, source, count(*)
FROM events
WHERE "timestamp" >= auraos_ts($1::bigint) AND "timestamp" < auraos_ts($2::bigint)
GROUP BY bucket, type, source
ORDER BY bucket, type, source
LIMIT $4::bigint

-- How many events of each type and source have a timestamp in each bucket of ?3 ms of the
-- window [?1, ?2): (bucket index, type, source, count), at most ?4 rows.
SELECT (timestamp - ?1) / ?3 AS bucket, type, source, count(*) FROM events
WHERE timestamp >= ?1 AND timestamp < ?2
GROUP BY bucket, type, source
ORDER BY bucket, type, source
LIMIT ?4

-- The members by name; times by the database's clock.
SELECT name, incarnation, cluster_address, http_address, auraos_ms(started_at),
       auraos_ms(clock_timestamp()) - auraos_ms(heartbeat_at), left_at IS NOT NULL
FROM cluster_nodes ORDER BY name

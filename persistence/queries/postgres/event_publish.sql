-- Columns as in event_get.sql, then `existing`. $1..$9 arrays of one element per event: ids,
-- types, sources, data and metadata (JSON text), timestamps (ms), correlation ids, causation ids
-- (NULL elements for none), stored_at (ms).
SELECT * FROM auraos_publish_events($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                                    $6::bigint[], $7::text[], $8::text[], $9::bigint[])

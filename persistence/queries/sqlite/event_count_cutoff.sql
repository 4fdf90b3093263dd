-- The seq of the ?2-th newest event of type ?1 (no row when there are fewer): the events of
-- the type below it are the ones beyond the newest ?2 (idx_events_type backwards).
SELECT seq FROM events WHERE type = ?1 ORDER BY seq DESC LIMIT 1 OFFSET ?2 - 1

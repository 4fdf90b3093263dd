-- The seq consumer ?1 has handled up to.
SELECT seq FROM event_cursors WHERE name = ?1

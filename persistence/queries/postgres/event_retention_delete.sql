-- Removes the retention rule of type $1; one row when there was one.
DELETE FROM event_retention WHERE type = $1::text RETURNING type

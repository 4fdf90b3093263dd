-- Task $1's sealed secrets become $3 if they are still $2.
UPDATE tasks SET secrets = $3::text WHERE id = $1::text AND secrets = $2::text

-- Changes the given (non-NULL) role $2, password hash $3 and disabled $4 of user $1 at $5; not
-- found (AUR01) when it does not exist. Columns as in user_get.sql.
SELECT * FROM auraos_update_user($1::uuid, $2::text, $3::text, $4::boolean, $5::bigint)

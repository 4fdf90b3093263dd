-- Replaces the refresh token whose hash is $1 by token $2 (hash $3, expiring at $4) at $5: not
-- found (AUR01) without such a token, conflict (AUR02) when it is revoked, rotated already or
-- expired. Columns as in refresh_token_find.sql.
SELECT * FROM auraos_rotate_refresh_token($1::text, $2::text, $3::text, $4::bigint, $5::bigint)

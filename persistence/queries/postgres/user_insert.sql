-- Creates user $1 (username $2, password hash $3, role $4, disabled $5) at $6; a taken id or
-- username is a conflict (23505). Returns the columns of user_get.sql.
INSERT INTO users (id, username, password_hash, role, disabled, created_at, updated_at)
VALUES ($1::uuid, $2::text, $3::text, $4::text, $5::boolean, auraos_ts($6::bigint),
        auraos_ts($6::bigint))
RETURNING id::text, username, password_hash, role, disabled, auraos_ms(created_at),
          auraos_ms(updated_at)

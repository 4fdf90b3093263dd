-- Records that API token $1 was used at $2; not found (AUR01) when it does not exist.
WITH used AS (UPDATE api_tokens SET last_used_at = auraos_ts($2::bigint) WHERE id = $1::text
              RETURNING 1)
SELECT auraos_found(count(*), format('no API token ''%s''', $1::text)) FROM used

-- Appends audit entries in the given order; one element per entry: at $1 (ms), actor $2, actor
-- name $3, token $4, action $5, target $6, source $7, outcome $8, status $9, details $10 (JSON
-- text; NULL elements for none).
INSERT INTO audit_log (at, actor, actor_name, token_id, action, target, source, outcome, status,
                       details)
SELECT auraos_ts(a.at), a.actor, a.actor_name, a.token_id, a.action, a.target, a.source,
       a.outcome, a.status, a.details::jsonb
FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
            $7::text[], $8::text[], $9::bigint[], $10::text[])
     WITH ORDINALITY AS a(at, actor, actor_name, token_id, action, target, source, outcome,
                          status, details, ord)
ORDER BY a.ord

-- The revocation of access token ?1; the columns every revocation read returns.
SELECT seq, token_id, expires_at, revoked_at FROM token_revocations WHERE token_id = ?1

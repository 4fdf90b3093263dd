-- Deletes the revocations of tokens expired by ?1.
DELETE FROM token_revocations WHERE expires_at <= ?1

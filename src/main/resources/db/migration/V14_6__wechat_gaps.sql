-- The purge of dead refresh tokens (auth.SignInHousekeeping) finds them by expiry or revocation;
-- binding tickets have their expiry index already (V14_1).
create index refresh_token_expiry on refresh_token (expires_at);
create index refresh_token_revoked on refresh_token (revoked_at) where revoked_at is not null;


-- The purge of dead refresh tokens (auth.SignInHousekeeping) finds them by expiry or revocation;
-- binding tickets have their expiry index already (V14_1).
create index refresh_token_expiry on refresh_token (expires_at);
create index refresh_token_revoked on refresh_token (revoked_at) where revoked_at is not null;

-- Whether writing the WeChat notice took one of the volunteer's one-time grants (a long-term
-- acceptance takes none): a notice that ends unsent gives it back (NoticeStore.end). Notices written
-- before this column are taken to have taken none, so none is given back twice.
alter table notice add column grant_taken boolean not null default false;

-- Volunteers sign in from the WeChat mini-program (issue 14, README "Signing in"): wx.login's code
-- is exchanged with WeChat for the openid, which is bound to one volunteer; the service then issues
-- its own short-lived access token and an opaque refresh token.

-- One openid to one volunteer, one volunteer to one openid. Unbinding deletes the row (the openid
-- may then bind again); the history stays in wechat_binding_event.
create table wechat_binding (
    openid       text   primary key check (length(openid) between 1 and 128),
    unionid      text   check (unionid is null or length(unionid) between 1 and 128),
    volunteer_id bigint not null unique references volunteer (id),
    bound_by     text   not null,
    bound_at     timestamptz not null default now()
);

-- Every bind and unbind, who did it and how: the audit of bindings. Append-only, like volunteer_move.
create table wechat_binding_event (
    id           bigint generated always as identity primary key,
    action       text   not null check (action in ('BIND', 'UNBIND')),
    method       text   not null check (method in ('PHONE', 'SELF_REGISTRATION', 'STAFF')),
    openid       text   not null,
    volunteer_id bigint not null references volunteer (id),
    actor        text   not null,
    at           timestamptz not null default now()
);
create index wechat_binding_event_volunteer on wechat_binding_event (volunteer_id, id);

create function refuse_wechat_binding_event_change() returns trigger language plpgsql as $$
begin
    raise exception 'the WeChat binding events are append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'TB100';
end $$;
create trigger wechat_binding_event_append_only before update or delete on wechat_binding_event
    for each row execute function refuse_wechat_binding_event_change();
create trigger wechat_binding_event_no_truncate before truncate on wechat_binding_event
    for each statement execute function refuse_wechat_binding_event_change();

-- What an unbound openid gets from the session call: a one-time ticket (only its SHA-256 is kept)
-- that lets the mini-program bind that openid within minutes, without a second wx.login.
create table wechat_binding_ticket (
    ticket_hash bytea  primary key check (length(ticket_hash) = 32),
    openid      text   not null,
    unionid     text,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index wechat_binding_ticket_expiry on wechat_binding_ticket (expires_at);

-- Refresh tokens: opaque, only their SHA-256 kept. Each use replaces the token by a new one of the
-- same family; a used token presented again means it leaked, and revokes the whole family.
create table refresh_token (
    token_hash   bytea  primary key check (length(token_hash) = 32),
    family       uuid   not null,
    volunteer_id bigint not null references volunteer (id),
    issued_at    timestamptz not null default now(),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    revoked_at   timestamptz,
    check (expires_at > issued_at)
);
create index refresh_token_family on refresh_token (family);
create index refresh_token_volunteer on refresh_token (volunteer_id) where revoked_at is null;

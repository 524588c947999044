-- Notices to volunteers (issue 14 B): a transactional outbox. A notice is written in the same
-- transaction as the event that causes it (a claim decided, a refund, points about to expire), so
-- it exists exactly when the event committed; the dispatcher (NoticeDispatcher) delivers it later
-- through its channel: a WeChat subscription message (订阅消息) or a region's signed webhook.
--
-- Status: PENDING (due at next_attempt_at) -> SENDING (claimed by one dispatcher; next_attempt_at is
-- then the end of its lease: past it, with no outcome recorded, the notice is due again) -> SENT, or
-- back to PENDING with a backoff, or FAILED after the last attempt, or SKIPPED when delivery is
-- impossible for good (the user refused the template, the webhook was removed).
create table notice (
    id              bigint generated always as identity primary key,
    volunteer_id    bigint      not null references volunteer (id),
    channel         text        not null check (channel in ('WECHAT', 'WEBHOOK')),
    kind            text        not null,
    -- the WeChat template the volunteer agreed to; webhooks have none
    template        text,
    payload         jsonb       not null,
    -- the event's own identity ("CLAIM_APPROVED:42"): one notice per event and channel
    dedup_id        text        not null,
    -- the region whose webhook receives a WEBHOOK notice
    region_id       bigint      references region (id),
    status          text        not null default 'PENDING'
                                check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    last_error      text,
    created_at      timestamptz not null default now(),
    unique (channel, dedup_id),
    check ((channel = 'WECHAT') = (template is not null)),
    check ((channel = 'WEBHOOK') = (region_id is not null)),
    check ((status = 'SENT') = (sent_at is not null))
);
-- the dispatcher's queue: only notices still to deliver, by when they are due
create index notice_due on notice (next_attempt_at) where status in ('PENDING', 'SENDING');
create index notice_volunteer on notice (volunteer_id, id);

-- What the volunteer agreed to through wx.requestSubscribeMessage: each one-time acceptance allows
-- one message of the template (one_time_grants counts them); a long-term template, once accepted,
-- allows messages until the volunteer turns it off. A grant is taken when the notice is written, in
-- the event's transaction, so two notices never count on one acceptance.
create table notice_subscription (
    volunteer_id    bigint      not null references volunteer (id),
    template        text        not null,
    one_time_grants integer     not null default 0 check (one_time_grants >= 0),
    always          boolean     not null default false,
    updated_at      timestamptz not null default now(),
    primary key (volunteer_id, template)
);

-- How many days before points expire their volunteer hears of it; the nearest region's rule on the
-- home community's path applies (region_path_distance, V12_3). No rule: no warning.
create table points_expiry_notice_rule (
    region_id bigint      primary key references region (id),
    days      integer     not null check (days between 1 and 90),
    set_by    text        not null,
    set_at    timestamptz not null default now()
);

-- A region's webhook: the same events POSTed as JSON, signed with HMAC-SHA256 under the secret.
-- The nearest region's webhook on the volunteer's home path receives them. The secret is kept
-- encrypted under the personal data key (PiiProtector): a copy of the database alone cannot forge.
create table notice_webhook (
    region_id bigint      primary key references region (id),
    url       text        not null check (url ~ '^https?://'),
    secret    bytea       not null,
    set_by    text        not null,
    set_at    timestamptz not null default now()
);

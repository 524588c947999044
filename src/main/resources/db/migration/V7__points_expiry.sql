-- Points expiry: optional per region, points expire N months after they were earned, oldest
-- first. There are no lots: what expires is derived from the journal (README "Points expiry"),
-- and each expiry is an EXPIRY transaction from the wallet to the POINTS breakage account.

alter table account drop constraint account_purpose_check;
alter table account add constraint account_purpose_check check (purpose in (
    'VOLUNTEER_WALLET', 'VOLUNTEER_DEBT', 'COMMUNITY_ISSUANCE', 'COMMUNITY_BUDGET', 'COMMUNITY_FUND',
    'COMMUNITY_POOL', 'OPENING_BALANCE', 'ADJUSTMENT', 'SHOP_SETTLEMENT', 'BREAKAGE'));
alter table journal_transaction drop constraint journal_transaction_kind_check;
alter table journal_transaction add constraint journal_transaction_kind_check check (kind in (
    'OPENING_BALANCE', 'ADJUSTMENT', 'REVERSAL', 'HOLD', 'HOLD_POST', 'HOLD_VOID', 'HOLD_EXPIRY',
    'APPROVAL', 'BUDGET_FUNDING', 'REDEMPTION', 'REFUND', 'GIFT', 'DONATION', 'GRANT', 'EXPIRY'));

-- The rule of the nearest region on a volunteer's home community path applies (itself first);
-- no rule on the path: points never expire. A changed rule applies to points already earned.
create table points_expiry_rule (
    region_id bigint      primary key references region (id),
    months    integer     not null check (months between 1 and 120),
    set_by    text        not null,
    set_at    timestamptz not null default now()
);

-- The counterparty of expiries: expired points are credited here. No balance flag, so expiries
-- append deltas to it instead of locking it.
insert into account (asset, purpose, owner_type, owner_id) values ('POINTS', 'BREAKAGE', 'SYSTEM', 0);

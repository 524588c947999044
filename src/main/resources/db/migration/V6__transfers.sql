-- Transfers between volunteers (gifts), to a community's pool (donations) and from it (grants).

alter table journal_transaction drop constraint journal_transaction_kind_check;
alter table journal_transaction add constraint journal_transaction_kind_check check (kind in (
    'OPENING_BALANCE', 'ADJUSTMENT', 'REVERSAL', 'HOLD', 'HOLD_POST', 'HOLD_VOID', 'HOLD_EXPIRY',
    'APPROVAL', 'BUDGET_FUNDING', 'REDEMPTION', 'REFUND', 'GIFT', 'DONATION', 'GRANT'));

-- Staff now pay grants out of a community's pool, so it may no longer be overdrawn. Until now it
-- had no flag and took deltas: fold them into the row first, since a flagged account's balance is
-- checked on the row alone.
with d as (
    delete from account_delta
     where account_id in (select id from account where purpose = 'COMMUNITY_POOL')
    returning account_id, debits_posted, credits_posted, debits_pending, credits_pending
), s as (
    select account_id, sum(debits_posted) dp, sum(credits_posted) cp,
           sum(debits_pending) dq, sum(credits_pending) cq
      from d group by account_id
)
update account a
   set debits_posted = a.debits_posted + s.dp, credits_posted = a.credits_posted + s.cp,
       debits_pending = a.debits_pending + s.dq, credits_pending = a.credits_pending + s.cq,
       version = a.version + 1
  from s where a.id = s.account_id;

do $$
begin
    if exists (select 1 from account where purpose = 'COMMUNITY_POOL'
                and debits_posted + debits_pending > credits_posted) then
        raise exception 'a community pool is overdrawn; settle it before this migration';
    end if;
end $$;

update account set debits_must_not_exceed_credits = true where purpose = 'COMMUNITY_POOL';

-- Whether volunteers of a region may gift hours (points may always be gifted). The row of the
-- nearest region on the sender's home community path (itself first) applies; without one, no.
create table transfer_rule (
    region_id           bigint  primary key references region (id),
    hours_gifts_allowed boolean not null
);


-- Only the ledger's functions write the ledger. Where the service runs as its own role
-- (afterMigrate.sql), that role may read the ledger's tables but not write them: a balanced
-- transaction inserted by hand, queued for sealing, would otherwise pass both the chain
-- verification and the trial balance. These functions run as their owner (the migration role)
-- with search_path pinned to this schema (pg_temp last, so no temporary table can stand in for a
-- ledger table); afterMigrate.sql grants the service role EXECUTE on them and SELECT on the tables.
-- Locking reads (FOR UPDATE and its kin) need UPDATE privilege, so they are functions too.

-- An account's balance flags follow from its purpose (AccountPurpose in Java): a wallet opened
-- without its no-overdraft flag would let a posting overdraw it.
alter table account add constraint account_flags_follow_purpose check (
    debits_must_not_exceed_credits = (purpose in ('VOLUNTEER_WALLET', 'COMMUNITY_BUDGET', 'COMMUNITY_POOL'))
    and credits_must_not_exceed_debits = (purpose = 'VOLUNTEER_DEBT'));

-- Opens the account for (owner, asset, purpose), or returns the one already open.
create function ledger_open_account(p_asset text, p_purpose text, p_owner_type text, p_owner_id bigint,
                                    p_debits_within_credits boolean, p_credits_within_debits boolean)
returns bigint language plpgsql as $$
declare
    opened bigint;
begin
    insert into account (asset, purpose, owner_type, owner_id, debits_must_not_exceed_credits,
                         credits_must_not_exceed_debits)
    values (p_asset, p_purpose, p_owner_type, p_owner_id, p_debits_within_credits, p_credits_within_debits)
    on conflict (owner_type, owner_id, asset, purpose) do nothing
    returning id into opened;
    if opened is null then
        select id into opened from account
         where owner_type = p_owner_type and owner_id = p_owner_id and asset = p_asset and purpose = p_purpose;
    end if;
    return opened;
end $$;

-- The accounts locked in id order (the order ledger_post uses), with their balances as of the
-- lock: the row plus the deltas not folded into it yet. A balance read inside the locking
-- statement is the committed one, so a decision on it stays true until the posting.
create function ledger_lock_accounts(p_ids bigint[])
returns table (id bigint, asset text, purpose text, owner_type text, owner_id bigint,
               debits_must_not_exceed_credits boolean, credits_must_not_exceed_debits boolean,
               debits_posted bigint, credits_posted bigint, debits_pending bigint, credits_pending bigint,
               version bigint, created_at timestamptz)
language plpgsql as $$
begin
    return query
    select a.id, a.asset, a.purpose, a.owner_type, a.owner_id, a.debits_must_not_exceed_credits,
           a.credits_must_not_exceed_debits,
           a.debits_posted + coalesce(d.dp, 0), a.credits_posted + coalesce(d.cp, 0),
           a.debits_pending + coalesce(d.dq, 0), a.credits_pending + coalesce(d.cq, 0), a.version, a.created_at
      from account a
      left join lateral (select sum(x.debits_posted)::bigint dp, sum(x.credits_posted)::bigint cp,
                                sum(x.debits_pending)::bigint dq, sum(x.credits_pending)::bigint cq
                           from account_delta x where x.account_id = a.id) d on true
     where a.id = any (p_ids)
     order by a.id
       for no key update of a;
end $$;

-- Locks a journal transaction (reading it, never changing it) until the end of the transaction,
-- so that two reversals of it queue; false if there is none.
create function ledger_lock_transaction(p_id bigint) returns boolean language plpgsql as $$
begin
    perform 1 from journal_transaction where id = p_id for no key update;
    return found;
end $$;

-- Records the hold that the pending transaction p_id opened.
create function ledger_open_hold(p_id bigint, p_debit_account_id bigint, p_credit_account_id bigint,
                                 p_amount bigint, p_expires_at timestamptz)
returns void language sql as $$
    insert into hold (id, debit_account_id, credit_account_id, amount, expires_at)
    values (p_id, p_debit_account_id, p_credit_account_id, p_amount, p_expires_at)
$$;

-- The hold, locked until the end of the transaction (a hold resolves exactly once).
create function ledger_lock_hold(p_id bigint)
returns table (id bigint, debit_account_id bigint, credit_account_id bigint, amount bigint,
               expires_at timestamptz, status text)
language plpgsql as $$
begin
    return query
    select h.id, h.debit_account_id, h.credit_account_id, h.amount, h.expires_at, h.status
      from hold h where h.id = p_id for update;
end $$;

-- Marks a pending hold resolved; false if it was not pending.
create function ledger_resolve_hold(p_id bigint, p_status text, p_posted_amount bigint)
returns boolean language plpgsql as $$
begin
    update hold set status = p_status, posted_amount = p_posted_amount, resolved_at = now()
     where id = p_id and status = 'PENDING';
    return found;
end $$;

-- Pending holds past their expiry, oldest first, locked, skipping those another worker holds.
create function ledger_expired_holds(p_limit int) returns setof bigint language plpgsql as $$
begin
    return query
    select h.id from hold h where h.status = 'PENDING' and h.expires_at <= now()
     order by h.expires_at limit p_limit
       for update skip locked;
end $$;

create function ledger_begin_import(p_actor text, p_line_count int) returns bigint language sql as $$
    insert into ledger_import (actor, line_count) values (p_actor, p_line_count) returning id
$$;

create function ledger_record_opening_balance(p_account_id bigint, p_transaction_id bigint, p_import_id bigint)
returns void language sql as $$
    insert into opening_balance (account_id, transaction_id, import_id)
    values (p_account_id, p_transaction_id, p_import_id)
$$;

-- Every function that writes or locks the ledger runs as its owner, with the search path pinned.
do $$
declare
    f regprocedure;
begin
    for f in select p.oid::regprocedure from pg_proc p
              where p.pronamespace = current_schema()::regnamespace
                and p.proname in ('ledger_post', 'ledger_fold_deltas', 'journal_seal', 'ledger_open_account',
                                  'ledger_lock_accounts', 'ledger_lock_transaction', 'ledger_open_hold',
                                  'ledger_lock_hold', 'ledger_resolve_hold', 'ledger_expired_holds',
                                  'ledger_begin_import', 'ledger_record_opening_balance')
    loop
        execute format('alter function %s security definer set search_path = %I, pg_temp', f, current_schema());
        execute format('revoke execute on function %s from public', f);
    end loop;
end $$;

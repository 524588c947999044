-- Issue 12, speed: an approval or a redemption reads once and writes once. The reads a write
-- depends on come back in one statement each, and the writes travel together (see Sql.defer);
-- these functions let the ledger's part fit that shape without weakening any of its checks.

-- The idempotency key's advisory lock and its stored response in one round trip. The stored
-- response is read by a statement that starts after the lock is held, so a first call that
-- committed just before is always seen (a volatile function takes a snapshot per statement).
create function idempotency_claim(p_principal text, p_key text, p_retention interval)
returns table (locked boolean, request_hash bytea, response_status int, response_body text, location text)
language plpgsql as $$
begin
    if not pg_try_advisory_xact_lock(hashtextextended(p_principal || chr(10) || p_key, 7)) then
        return query select false, null::bytea, null::int, null::text, null::text;
        return;
    end if;
    return query select true, k.request_hash, k.response_status, k.response_body, k.location
                   from idempotency_key k
                  where k.principal = p_principal and k.key = p_key and k.created_at > now() - p_retention;
    if not found then
        return query select true, null::bytea, null::int, null::text, null::text;
    end if;
end $$;

-- The id the next posting of this transaction will carry, drawn now so that the records that
-- point at it can be written in the same round trip as the posting.
create function ledger_reserve_transaction_id() returns bigint language sql as $$
    select nextval(pg_get_serial_sequence('journal_transaction', 'id'))
$$;

-- The accounts of these parties (owner type, owner, asset, purpose), found, and opened where asked
-- and missing; those asked to be locked are locked in id order with their balances as of the lock
-- (ledger_lock_accounts), the others (hot accounts that only receive) are named, not locked: one
-- round trip for a decision that depends on balances. A party with no account (and not to be
-- opened) has no row; "party" is its 1-based position in the arrays.
create function ledger_lock_parties(p_owner_types text[], p_owner_ids bigint[], p_assets text[], p_purposes text[],
                                    p_open boolean[], p_lock boolean[], p_debits_within_credits boolean[],
                                    p_credits_within_debits boolean[])
returns table (party int, account_id bigint, locked boolean, debits_posted bigint, credits_posted bigint,
               debits_pending bigint, credits_pending bigint)
language plpgsql as $$
declare
    found_ids bigint[];
    i int;
begin
    select array_agg(a.id order by x.n) into found_ids
      from unnest(p_owner_types, p_owner_ids, p_assets, p_purposes) with ordinality as x(ot, oid, ast, pur, n)
      left join account a on a.owner_type = x.ot and a.owner_id = x.oid and a.asset = x.ast and a.purpose = x.pur;
    for i in 1 .. coalesce(array_length(p_owner_types, 1), 0) loop
        if found_ids[i] is null and p_open[i] then
            found_ids[i] := ledger_open_account(p_assets[i], p_purposes[i], p_owner_types[i], p_owner_ids[i],
                                                p_debits_within_credits[i], p_credits_within_debits[i]);
        end if;
    end loop;
    return query
    with f as (select x.id, x.n::int n, x.lk from unnest(found_ids, p_lock) with ordinality as x(id, lk, n)
                where x.id is not null),
         l as (select * from ledger_lock_accounts(array(select f.id from f where f.lk)))
    select f.n, f.id, f.lk, l.debits_posted, l.credits_posted, l.debits_pending, l.credits_pending
      from f left join l on l.id = f.id and f.lk
     order by f.n;
end $$;

-- ledger_post takes the id reserved for it (or draws one, as before). A reserved id must have been
-- drawn from the journal's sequence: nothing else can be chosen.
drop function ledger_post(text, text, text, text, text, integer, bigint, bigint, bigint[], bigint[], smallint[]);
create function ledger_post(
    p_kind text, p_source_type text, p_source_id text, p_actor text, p_memo text,
    p_rule_version integer, p_reverses_id bigint, p_resolves_id bigint,
    p_accounts bigint[], p_amounts bigint[], p_phases smallint[], p_id bigint default null,
    out transaction_id bigint, out created_at timestamptz)
language plpgsql as $$
declare
    n int := coalesce(array_length(p_accounts, 1), 0);
    -- per account: debits/credits posted, debits/credits pending movements; checked flag
    m_ids bigint[]; m_dp bigint[]; m_cp bigint[]; m_dq bigint[]; m_cq bigint[]; m_checked boolean[];
    bad record;
begin
    if n < 2 or n <> coalesce(array_length(p_amounts, 1), 0) or n <> coalesce(array_length(p_phases, 1), 0)
       or 0 = any (p_amounts) or array_position(p_accounts, null) is not null
       or (select count(distinct (a, ph)) from unnest(p_accounts, p_phases) as x(a, ph)) <> n then
        raise exception 'INVALID_POSTINGS' using errcode = 'TB004';
    end if;
    if p_id is not null
       and (p_id < 1 or p_id > pg_sequence_last_value(pg_get_serial_sequence('journal_transaction', 'id')::regclass)) then
        raise exception 'INVALID_TRANSACTION_ID' using errcode = 'TB005';
    end if;

    -- lock the checked accounts in id order: the fixed order rules out deadlocks between postings
    perform 1 from account a
     where a.id = any (p_accounts)
       and (a.debits_must_not_exceed_credits or a.credits_must_not_exceed_debits)
     order by a.id
       for no key update;

    select array_agg(x.account_id order by x.account_id), array_agg(x.dp order by x.account_id),
           array_agg(x.cp order by x.account_id), array_agg(x.dq order by x.account_id),
           array_agg(x.cq order by x.account_id),
           array_agg(a.debits_must_not_exceed_credits or a.credits_must_not_exceed_debits order by x.account_id)
      into m_ids, m_dp, m_cp, m_dq, m_cq, m_checked
      from (select u.account_id,
                   sum(case when u.phase = 0 and u.amount < 0 then -u.amount else 0 end) dp,
                   sum(case when u.phase = 0 and u.amount > 0 then u.amount else 0 end) cp,
                   sum(case when u.phase = 1 and u.amount < 0 then -u.amount
                            when u.phase = 2 and u.amount < 0 then u.amount else 0 end) dq,
                   sum(case when u.phase = 1 and u.amount > 0 then u.amount
                            when u.phase = 2 and u.amount > 0 then -u.amount else 0 end) cq
              from unnest(p_accounts, p_amounts, p_phases) as u(account_id, amount, phase)
             group by u.account_id) x
      join account a on a.id = x.account_id;

    if coalesce(array_length(m_ids, 1), 0) <> (select count(distinct u) from unnest(p_accounts) u) then
        raise exception 'ACCOUNT_NOT_FOUND' using errcode = 'TB002';
    end if;
    if exists (select 1 from unnest(p_accounts, p_amounts, p_phases) as u(account_id, amount, phase)
               join account a on a.id = u.account_id
               group by a.asset, u.phase having sum(u.amount) <> 0) then
        raise exception 'UNBALANCED' using errcode = 'TB001';
    end if;

    -- the balance check, on the locked rows, before anything is written
    select a.id, a.asset into bad
      from unnest(m_ids, m_dp, m_cp, m_dq, m_cq) as m(account_id, dp, cp, dq, cq)
      join account a on a.id = m.account_id
     where (a.debits_must_not_exceed_credits
            and a.debits_posted + m.dp + a.debits_pending + m.dq > a.credits_posted + m.cp)
        or (a.credits_must_not_exceed_debits
            and a.credits_posted + m.cp + a.credits_pending + m.cq > a.debits_posted + m.dp)
     order by a.id limit 1;
    if found then
        raise exception 'INSUFFICIENT_BALANCE:%:%', bad.id, bad.asset using errcode = 'TB003';
    end if;

    insert into journal_transaction (id, kind, source_type, source_id, actor, memo, rule_version,
                                     reverses_id, resolves_id)
    values (coalesce(p_id, nextval(pg_get_serial_sequence('journal_transaction', 'id'))), p_kind, p_source_type,
            p_source_id, p_actor, p_memo, p_rule_version, p_reverses_id, p_resolves_id)
    returning journal_transaction.id, journal_transaction.created_at into transaction_id, created_at;

    insert into posting (transaction_id, account_id, phase, amount)
    select ledger_post.transaction_id, u.account_id, u.phase, u.amount
      from unnest(p_accounts, p_amounts, p_phases) as u(account_id, amount, phase);

    insert into journal_unsealed values (ledger_post.transaction_id);

    update account a
       set debits_posted = a.debits_posted + m.dp, credits_posted = a.credits_posted + m.cp,
           debits_pending = a.debits_pending + m.dq, credits_pending = a.credits_pending + m.cq,
           version = a.version + 1
      from unnest(m_ids, m_dp, m_cp, m_dq, m_cq, m_checked) as m(account_id, dp, cp, dq, cq, checked)
     where a.id = m.account_id and m.checked;

    insert into account_delta (account_id, debits_posted, credits_posted, debits_pending, credits_pending)
    select m.account_id, m.dp, m.cp, m.dq, m.cq
      from unnest(m_ids, m_dp, m_cp, m_dq, m_cq, m_checked) as m(account_id, dp, cp, dq, cq, checked)
     where not m.checked;
end $$;

do $$
declare
    f regprocedure;
begin
    for f in select p.oid::regprocedure from pg_proc p
              where p.pronamespace = current_schema()::regnamespace
                and p.proname in ('ledger_post', 'ledger_reserve_transaction_id', 'ledger_lock_parties')
    loop
        execute format('alter function %s security definer set search_path = %I, pg_temp', f, current_schema());
        execute format('revoke execute on function %s from public', f);
    end loop;
end $$;

-- An account row by its holder, for other features' statements that need an account in the same
-- round trip as their own rows (a redemption's wallet): they name it through the ledger, not its
-- table's columns. The row as stored: for a checked account (a wallet) that is its balance.
create function ledger_account_of(p_owner_type text, p_owner_id bigint, p_asset text, p_purpose text)
returns setof account language sql stable as $$
    select * from account
     where owner_type = p_owner_type and owner_id = p_owner_id and asset = p_asset and purpose = p_purpose
$$;

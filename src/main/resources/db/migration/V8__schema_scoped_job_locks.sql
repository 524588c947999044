-- The sealer and the delta folder each run one at a time, under a transaction advisory lock. Such
-- locks are database-wide, so the key now names the schema: services (or test runs) migrating
-- different schemas of one database no longer skip each other's work. Bodies as in V2 otherwise.

create or replace function ledger_fold_deltas(p_limit int) returns int language plpgsql as $$
declare
    folded int;
begin
    if not pg_try_advisory_xact_lock(hashtext(current_schema() || '.ledger_fold_deltas')) then
        return 0;
    end if;
    with d as (
        delete from account_delta
         where id in (select id from account_delta order by id limit p_limit)
        returning account_id, debits_posted, credits_posted, debits_pending, credits_pending
    ), s as (
        select account_id, sum(debits_posted) dp, sum(credits_posted) cp,
               sum(debits_pending) dq, sum(credits_pending) cq, count(*) c
          from d group by account_id
    ), u as (
        update account a
           set debits_posted = a.debits_posted + s.dp, credits_posted = a.credits_posted + s.cp,
               debits_pending = a.debits_pending + s.dq, credits_pending = a.credits_pending + s.cq,
               version = a.version + 1
          from s where a.id = s.account_id
        returning s.c
    )
    select coalesce(sum(c), 0) into folded from u;
    return folded;
end $$;

create or replace function journal_seal(p_limit int) returns int language plpgsql as $$
declare
    head_seq bigint;
    head_hash bytea;
    ids bigint[];
    tid bigint;
begin
    if not pg_try_advisory_xact_lock(hashtext(current_schema() || '.journal_seal')) then
        return 0;
    end if;
    with d as (
        delete from journal_unsealed
         where transaction_id in (select transaction_id from journal_unsealed
                                   order by transaction_id limit p_limit)
        returning transaction_id
    )
    select array_agg(transaction_id order by transaction_id) into ids from d;
    if ids is null then
        return 0;
    end if;
    select seq, hash into head_seq, head_hash from journal_chain order by seq desc limit 1;
    head_seq := coalesce(head_seq, 0);
    head_hash := coalesce(head_hash, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    foreach tid in array ids loop
        head_seq := head_seq + 1;
        head_hash := sha256(head_hash || convert_to(journal_canonical(tid), 'UTF8'));
        insert into journal_chain (seq, transaction_id, hash) values (head_seq, tid, head_hash);
    end loop;
    return array_length(ids, 1);
end $$;

-- Issue 12, a cheaper bare posting. PL/pgSQL caches each statement's plan per session, but with
-- plan_cache_mode = auto the plan cache replans a statement for every call (a "custom" plan) as
-- long as the custom plans look cheaper than the generic one, and they always do for statements
-- over unnest(p_accounts, ...) of a given array: the planner sees the array's real length. A
-- posting thus planned ledger_post's nine statements afresh on every call; planning was the
-- largest part of its CPU (perf: the planner's and the node copier's functions at the top).
-- These functions run once or a few times per request on small inputs through primary-key or
-- unique-index lookups, where the generic plan is the plan a custom one would be: they keep it.
-- Measured with pgbench on the benchmark's data set (scale 0.1, 32 clients, approval-shaped
-- postings of four accounts): 1,179-1,242 postings/s and 1.54-1.62 ms of database CPU per posting
-- before, 1,737-1,781/s and 1.06-1.08 ms after (README "Benchmark").
-- The batch functions (sealing, folding, expiry, leaderboard rebuilds) keep the default: they run
-- rarely on inputs of varying size, where a plan for the actual values is worth its planning.
do $$
declare
    f regprocedure;
begin
    for f in select p.oid::regprocedure from pg_proc p
              where p.pronamespace = current_schema()::regnamespace
                and p.proname in ('ledger_post', 'ledger_lock_parties', 'ledger_lock_accounts', 'ledger_open_account',
                                  'ledger_lock_transaction', 'ledger_lock_hold', 'ledger_resolve_hold',
                                  'check_transaction_balanced', 'idempotency_claim', 'redemption_line_agrees',
                                  'redemption_resolution_agrees', 'assert_redemption_lines_agree')
    loop
        execute format('alter function %s set plan_cache_mode = force_generic_plan', f);
    end loop;
end $$;

-- The commit-time balance check (check_transaction_balanced, V2) runs as whoever commits, with
-- that session's search path: a session without this schema on its path failed at commit, and one
-- with a temporary table named posting or account in front could have fed the check its own rows.
-- Pinned like the ledger's functions (V12_1): this schema, pg_temp last.
do $$
begin
    execute format('alter function check_transaction_balanced() set search_path = %I, pg_temp', current_schema());
end $$;

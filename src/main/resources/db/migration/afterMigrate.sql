-- Flyway runs this after every migrate, pending migrations or not, so tables that later
-- migrations add are covered without each of them remembering to.
--
-- Where Flyway migrates as the schema's owner (QUARKUS_FLYWAY_USERNAME) and the service runs as
-- another role (QUARKUS_DATASOURCE_USERNAME, the placeholder service_role), that role gets what the
-- service needs and no more: the ledger's tables (journal, chain, accounts, holds, imports) it may
-- only read; it writes them through the ledger's functions, which run as their owner (V12_1), and
-- it may execute those. The append-only triggers refuse UPDATE, DELETE and TRUNCATE of anyone, but
-- the tables' owner could disable them; the service's role cannot (ALTER TABLE needs ownership),
-- nor change the schema. Where both are one role (dev, test, a single-role deployment), there is
-- nothing to grant.
do $$
declare
    service text := '${service_role}';
    ledger text[] := array['journal_transaction', 'posting', 'journal_chain', 'journal_unsealed', 'opening_balance',
                           'ledger_import', 'account', 'account_delta', 'hold'];
    t text;
    kind "char";
begin
    if service = current_user then
        return;
    end if;
    -- replicas starting together all run this; concurrent GRANTs on one table can fail with
    -- "tuple concurrently updated", so they take turns
    perform pg_advisory_xact_lock(hashtext('timebank.grants'), hashtext('${flyway:defaultSchema}'));
    execute format('grant usage on schema %I to %I', '${flyway:defaultSchema}', service);
    for t, kind in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = '${flyway:defaultSchema}' and c.relkind in ('r', 'p', 'v', 'm')
               and c.relname <> '${flyway:table}'
    loop
        if kind in ('v', 'm') then
            execute format('grant select on %I.%I to %I', '${flyway:defaultSchema}', t, service);
        elsif t = any (ledger) then
            execute format('grant select on %I.%I to %I', '${flyway:defaultSchema}', t, service);
            execute format('revoke insert, update, delete, truncate on %I.%I from %I', '${flyway:defaultSchema}', t, service);
        else
            execute format('grant select, insert, update, delete on %I.%I to %I', '${flyway:defaultSchema}', t, service);
        end if;
    end loop;
    execute format('grant usage, select on all sequences in schema %I to %I', '${flyway:defaultSchema}', service);
    execute format('grant execute on all functions in schema %I to %I', '${flyway:defaultSchema}', service);
end $$;

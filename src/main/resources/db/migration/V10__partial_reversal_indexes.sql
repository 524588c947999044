-- "Reversed at most once" and "a hold resolves once" were unique constraints, so their indexes
-- held an entry for every transaction, although almost none reverses or resolves another: 12
-- bytes per posting at city scale (README "Benchmark"). Partial unique indexes keep both rules for
-- the rows they are about, under the same names (the problem codes are mapped to them).
alter table journal_transaction drop constraint journal_transaction_reverses_id_key;
alter table journal_transaction drop constraint journal_transaction_resolves_id_key;
create unique index journal_transaction_reverses_id_key on journal_transaction (reverses_id)
    where reverses_id is not null;
create unique index journal_transaction_resolves_id_key on journal_transaction (resolves_id)
    where resolves_id is not null;

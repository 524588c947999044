-- Signed checkpoints of the hash chain (README "Checkpoints"). The service signs the chain's head
-- (sequence, hash, time) with a key the database does not hold and publishes the result; whoever
-- keeps a checkpoint can later show that the history up to it was not rewritten, even by someone
-- who owns the database and recomputed the whole chain. The hash is copied, not referenced: a
-- rewrite of journal_chain must not carry the checkpoint along with it.
create table ledger_checkpoint (
    seq        bigint primary key references journal_chain (seq),
    hash       bytea  not null check (length(hash) = 32),
    signed_at  timestamptz not null,
    key_id     text   not null check (length(key_id) between 1 and 64),
    signature  bytea  not null check (length(signature) = 64)
);

create trigger ledger_checkpoint_append_only before update or delete on ledger_checkpoint
    for each row execute function refuse_journal_change();
create trigger ledger_checkpoint_no_truncate before truncate on ledger_checkpoint
    for each statement execute function refuse_journal_change();

package org.timebank.ledger.domain;

import java.util.List;

/**
 * The hash chain recomputed from the journal and compared with the stored links, the stored signed
 * checkpoints and, if given, a checkpoint the caller kept.
 */
public record ChainVerification(boolean valid, long sealedTransactions, long unsealedTransactions,
                                long unaccountedTransactions, Link head, Link firstMismatch,
                                Long firstMismatchTransactionId, long checkpointsChecked,
                                List<CheckpointCheck> checkpointFailures, CheckpointCheck suppliedCheckpoint) {

    /** A link of the chain: its sequence number and hash (hex). */
    public record Link(long seq, String hash) {}

    /** A checkpoint (its link and the hash it states, hex) against the recomputed chain. */
    public record CheckpointCheck(long seq, String hash, Outcome outcome) {}

    /**
     * MATCHES: the recomputed link has the hash; DIFFERS: it has another (history up to it was
     * rewritten); NOT_SEALED: the chain has no such link (it was cut short); SIGNATURE_INVALID: no
     * known key signed it.
     */
    public enum Outcome { MATCHES, DIFFERS, NOT_SEALED, SIGNATURE_INVALID }
}

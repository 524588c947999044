package org.timebank.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A signed statement that the hash chain's link {@code seq} had hash {@code hash} at
 * {@code signedAt}. The signature (Ed25519) covers {@link #signedText}, so a checkpoint kept
 * outside the service proves what the history up to {@code seq} was.
 */
public record Checkpoint(long seq, byte[] hash, Instant signedAt, String keyId, byte[] signature) {
    public Checkpoint {
        if (seq < 1 || hash.length != 32 || signature.length != 64) {
            throw new IllegalArgumentException("not a checkpoint: seq " + seq);
        }
        if (!signedAt.equals(signedAt.truncatedTo(ChronoUnit.MICROS))) {
            throw new IllegalArgumentException("signedAt is kept to the microsecond");
        }
    }

    /** What is signed: a fixed prefix, then the link and the time, one per line. */
    public static byte[] signedText(long seq, byte[] hash, Instant signedAt) {
        return ("timebank-ledger-checkpoint:v1\n" + seq + "\n" + ChainHash.hex(hash) + "\n" + signedAt + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedText() {
        return signedText(seq, hash, signedAt);
    }
}

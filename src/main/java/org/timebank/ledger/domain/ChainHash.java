package org.timebank.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The journal's hash chain, computed independently of the database's sealer (journal_seal):
 * {@code hash(n) = SHA-256(hash(n-1) || UTF-8(canonical(n)))}, {@code hash(0)} = 32 zero bytes.
 *
 * <p>canonical = fields joined by '|': id, kind, source type, source id, actor, memo (each text as
 * {@code <length in code points>:<text>}, '~' for null), rule version, reversed id, resolved hold id
 * (decimal, '~' for null), created-at in epoch microseconds, then the postings ordered by account
 * and phase as {@code account:phase:amount} joined by ','.
 */
public final class ChainHash {
    public static final byte[] GENESIS = new byte[32];

    private ChainHash() {}

    public record Transaction(long id, String kind, String sourceType, String sourceId, String actor, String memo,
                              Integer ruleVersion, Long reversesId, Long resolvesId, Instant createdAt,
                              List<Posting> postings) {}

    public static String canonical(Transaction t) {
        String postings = t.postings().stream()
                .sorted(Comparator.comparingLong(Posting::accountId).thenComparingInt(p -> p.phase().code()))
                .map(p -> p.accountId() + ":" + p.phase().code() + ":" + p.amount())
                .collect(Collectors.joining(","));
        long micros = Math.addExact(Math.multiplyExact(t.createdAt().getEpochSecond(), 1_000_000L),
                t.createdAt().getNano() / 1_000L);
        return String.join("|", Long.toString(t.id()), text(t.kind()), text(t.sourceType()), text(t.sourceId()),
                text(t.actor()), text(t.memo()), number(t.ruleVersion()), number(t.reversesId()),
                number(t.resolvesId()), Long.toString(micros), postings);
    }

    public static byte[] next(byte[] previous, Transaction t) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            sha.update(canonical(t).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    private static String text(String s) {
        return s == null ? "~" : s.codePointCount(0, s.length()) + ":" + s;
    }

    private static String number(Number n) {
        return n == null ? "~" : n.toString();
    }
}

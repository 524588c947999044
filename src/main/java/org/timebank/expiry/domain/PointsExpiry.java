package org.timebank.expiry.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A region's rule that points expire {@code months} after they were earned, oldest first, with no
 * lots: everything is derived from a wallet's posted credits and its posted debits.
 *
 * <p>Spending of any kind (redemptions, gifts, donations, earlier expiries, reversals) consumes
 * the oldest credits first, so of the credits earned at or before T the points still unspent are
 * {@code max(0, credits(at <= T) - debitsPosted)}. At {@code now}, what is due to expire is that
 * amount for T = {@code now - months} (calendar months in Asia/Shanghai), but never more than is
 * available, so a pending hold is never undercut. Posting it raises the debits by as much, so
 * computing again gives nothing: the rule is idempotent by construction.
 */
public record PointsExpiry(int months) {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A posted credit to a wallet: when it was earned and how many points. */
    public record Credit(Instant at, long points) {}

    /** The oldest credit that still has unspent points: that part, and when it expires. */
    public record NextExpiry(long points, Instant at) {}

    public PointsExpiry {
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be 1 to 120, was " + months);
        }
    }

    /** Credits earned at or before this instant have expired at {@code now}. */
    public Instant cutoff(Instant now) {
        return now.atZone(ZONE).minusMonths(months).toInstant();
    }

    /**
     * The first instant at which a credit earned at {@code earned} has expired: {@code months} later,
     * or, when that month is too short for the day (earned on 31 January, one month), the start of
     * the next month, which is when {@link #cutoff} first reaches it.
     */
    public Instant expiresAt(Instant earned) {
        ZonedDateTime from = earned.atZone(ZONE);
        ZonedDateTime plus = from.plusMonths(months);
        if (plus.getDayOfMonth() == from.getDayOfMonth()) {
            return plus.toInstant();
        }
        return plus.toLocalDate().plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** Points due to expire at {@code now}: the unspent part of the credits earned by the cutoff, at most {@code available}. */
    public long due(List<Credit> credits, long debitsPosted, long available, Instant now) {
        Instant cutoff = cutoff(now);
        long old = 0;
        for (Credit c : credits) {
            if (!c.at().isAfter(cutoff)) {
                old = Math.addExact(old, c.points());
            }
        }
        return Math.max(0, Math.min(available, old - debitsPosted));
    }

    /** The oldest credit with points still unspent, its unspent part and when it expires; empty if all is spent. */
    public Optional<NextExpiry> next(List<Credit> credits, long debitsPosted) {
        long earned = 0;
        for (Credit c : oldestFirst(credits)) {
            earned = Math.addExact(earned, c.points());
            long unspent = Math.min(c.points(), earned - debitsPosted);
            if (unspent > 0) {
                return Optional.of(new NextExpiry(unspent, expiresAt(c.at())));
            }
        }
        return Optional.empty();
    }

    private static List<Credit> oldestFirst(List<Credit> credits) {
        return credits.stream().sorted(Comparator.comparing(Credit::at)).toList();
    }
}

package org.timebank.redemption.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A redemption as its rules see it, and what may become of it: it opens captured or held; a hold is
 * captured (all of it, or in part), voided or expires; a capture is refunded, in points or in returned
 * units, up to what is still refundable. The service loads it, asks, and persists the answer.
 * <p>
 * A redemption of items is settled in units, never in bare points: a partial capture names the units
 * the volunteer keeps, their held prices are the captured points, and every other unit goes back to
 * stock at once (as all of them do at a void or an expiry). Afterwards:
 * <ul>
 * <li>a refund of units returns only kept units not yet returned, at their held prices, and puts
 *     exactly those back on the shelf;</li>
 * <li>a refund of points, or of units, never gives back more than the captured points less earlier
 *     refunds, however the two kinds are mixed.</li>
 * </ul>
 * A redemption of points (a shop without a catalogue) may be captured in part by points.
 * <p>
 * A hold past its timeout is HOLD_EXPIRED to a capture or a void, whether the ledger and the
 * redemption sweepers have caught up with it yet or not.
 *
 * @param transactionId the REDEMPTION transaction, or for a HOLD redemption the ledger's hold
 * @param resolvedAt    when it was captured, voided or expired; null while HELD
 * @param lines         in item order (the order stock rows are locked in); none for points
 */
public record Redemption(long id, long transactionId, RedemptionStatus status, long points, Long capturedPoints,
                         long refundedPoints, Instant resolvedAt, List<Line> lines) {

    /**
     * One item of a redemption: {@code quantity} units taken from stock at the held or paid
     * {@code pointsPrice}; {@code releasedQuantity} of them put back unsold; {@code refundedQuantity}
     * of the kept ones brought back after the capture.
     */
    public record Line(long itemId, int quantity, long pointsPrice, int releasedQuantity, int refundedQuantity) {
        public Line {
            if (quantity <= 0 || pointsPrice <= 0 || releasedQuantity < 0 || releasedQuantity > quantity
                    || refundedQuantity < 0 || refundedQuantity > quantity - releasedQuantity) {
                throw new IllegalArgumentException("a line keeps 0 <= refunded <= quantity - released <= quantity");
            }
        }

        /** The units the volunteer took home. */
        public int keptQuantity() {
            return quantity - releasedQuantity;
        }

        /** The kept units not yet brought back: what a refund of units may still return. */
        int returnableQuantity() {
            return keptQuantity() - refundedQuantity;
        }
    }

    public sealed interface CaptureOutcome permits Captured, Refused {}

    public sealed interface ReleaseOutcome permits Released, Refused {}

    public sealed interface RefundOutcome permits Refunded, Refused {}

    /**
     * A new redemption of {@code points}: posted at once (CAPTURED, all of them captured) or reserved
     * (HELD, nothing captured yet).
     */
    public record Opened(RedemptionStatus status, long points, Long capturedPoints) {}

    /**
     * Post {@code points} of the hold; the volunteer takes home the {@code kept} units (none for a
     * redemption of points) and the {@code released} ones go back to stock (both in item order).
     */
    public record Captured(long points, List<Basket.Line> kept, List<Basket.Line> released) implements CaptureOutcome {}

    /** Release the whole hold; the {@code released} units go back to stock (item order). */
    public record Released(List<Basket.Line> released) implements ReleaseOutcome {}

    /** Give back {@code points}; the {@code returned} units go back to stock (item order). */
    public record Refunded(long points, List<Basket.Line> returned) implements RefundOutcome {}

    /** Why a refusal happened: the redemption's state forbids it, or the request asks for what it cannot. */
    public enum Reason { STATE, REQUEST }

    /** A refusal with its stable code and the message's arguments. */
    public record Refused(Reason reason, String code, List<Object> args)
            implements CaptureOutcome, ReleaseOutcome, RefundOutcome {
        static Refused state(String code, Object... args) {
            return new Refused(Reason.STATE, code, List.of(args));
        }

        static Refused request(String code, Object... args) {
            return new Refused(Reason.REQUEST, code, List.of(args));
        }
    }

    public Redemption {
        lines = lines.stream().sorted(Comparator.comparingLong(Line::itemId)).toList();
    }

    /** A redemption of {@code points} in the mode the shop asked for. */
    public static Opened open(RedemptionMode mode, long points) {
        return mode == RedemptionMode.HOLD ? new Opened(RedemptionStatus.HELD, points, null)
                : new Opened(RedemptionStatus.CAPTURED, points, points);
    }

    public boolean ofItems() {
        return !lines.isEmpty();
    }

    /** The captured points less earlier refunds: the most any further refund gives back; 0 unless CAPTURED. */
    public long refundablePoints() {
        return status == RedemptionStatus.CAPTURED ? capturedPoints - refundedPoints : 0;
    }

    /**
     * Captures a hold. {@code kept}: null to capture everything held; for a redemption of items the
     * units kept (each at most as many as were held); for a redemption of points the points posted.
     * {@code holdExpired}: the ledger's word on whether the hold is past its timeout.
     */
    public CaptureOutcome capture(Basket kept, boolean holdExpired) {
        Refused refused = unlessHeld(holdExpired);
        if (refused != null) {
            return refused;
        }
        if (kept == null) {
            return new Captured(points, lines.stream().map(l -> new Basket.Line(l.itemId(), l.quantity())).toList(),
                    List.of());
        }
        if (!ofItems()) {
            if (kept.hasItems()) {
                return Refused.request("CAPTURE_EXCEEDS_HOLD", id);
            }
            if (kept.points() > points) {
                return Refused.request("HOLD_AMOUNT_INVALID", kept.points(), points);
            }
            return new Captured(kept.points(), List.of(), List.of());
        }
        if (!kept.hasItems()) {
            // points alone cannot say which units stay on the shelf, nor what a later refund restocks
            return Refused.request("CAPTURE_ITEMS_REQUIRED", id);
        }
        Map<Long, Integer> keptUnits = new HashMap<>();
        for (Basket.Line k : kept.lines()) {
            Line held = line(k.itemId());
            if (held == null || k.quantity() > held.quantity()) {
                return Refused.request("CAPTURE_EXCEEDS_HOLD", id);
            }
            keptUnits.put(k.itemId(), k.quantity());
        }
        long captured = 0;
        List<Basket.Line> released = new ArrayList<>();
        for (Line l : lines) {
            int units = keptUnits.getOrDefault(l.itemId(), 0);
            captured = Math.addExact(captured, Math.multiplyExact(l.pointsPrice(), units));
            if (units < l.quantity()) {
                released.add(new Basket.Line(l.itemId(), l.quantity() - units));
            }
        }
        return new Captured(captured, kept.lines(), List.copyOf(released));
    }

    /** Voids a hold: the points return to the wallet, every unit to the shelf. */
    public ReleaseOutcome voidHold(boolean holdExpired) {
        Refused refused = unlessHeld(holdExpired);
        return refused != null ? refused : releaseAll();
    }

    /** Follows the ledger's expiry of the hold: every unit back to the shelf. */
    public ReleaseOutcome expire() {
        if (status != RedemptionStatus.HELD) {
            return Refused.state("REDEMPTION_NOT_HELD", id, status.name());
        }
        return releaseAll();
    }

    /**
     * Refunds a captured redemption within {@code window} of its capture: {@code returned} names
     * units brought back or a number of points (exactly one, as a basket does).
     */
    public RefundOutcome refund(Basket returned, Instant now, Duration window) {
        if (status != RedemptionStatus.CAPTURED) {
            return Refused.state("REDEMPTION_NOT_CAPTURED", id, status.name());
        }
        if (resolvedAt.plus(window).isBefore(now)) {
            return Refused.request("REFUND_WINDOW_CLOSED", id);
        }
        long refund;
        if (returned.hasItems()) {
            refund = 0;
            for (Basket.Line r : returned.lines()) {
                Line l = line(r.itemId());
                if (l == null || r.quantity() > l.returnableQuantity()) {
                    return Refused.request("REFUND_EXCEEDS_REDEMPTION", id);
                }
                refund = Math.addExact(refund, Math.multiplyExact(l.pointsPrice(), r.quantity()));
            }
        } else {
            refund = returned.points();
        }
        if (refund > refundablePoints()) {
            return Refused.request("REFUND_EXCEEDS_REDEMPTION", id);
        }
        return new Refunded(refund, returned.lines());
    }

    private Refused unlessHeld(boolean holdExpired) {
        if (status == RedemptionStatus.EXPIRED || status == RedemptionStatus.HELD && holdExpired) {
            return Refused.state("HOLD_EXPIRED", transactionId);
        }
        if (status != RedemptionStatus.HELD) {
            return Refused.state("REDEMPTION_NOT_HELD", id, status.name());
        }
        return null;
    }

    private Released releaseAll() {
        return new Released(lines.stream().filter(l -> l.keptQuantity() > 0)
                .map(l -> new Basket.Line(l.itemId(), l.keptQuantity())).toList());
    }

    private Line line(long itemId) {
        return lines.stream().filter(l -> l.itemId() == itemId).findFirst().orElse(null);
    }
}

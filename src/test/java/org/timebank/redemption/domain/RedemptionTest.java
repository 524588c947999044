package org.timebank.redemption.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.timebank.redemption.domain.Redemption.Captured;
import org.timebank.redemption.domain.Redemption.Line;
import org.timebank.redemption.domain.Redemption.Opened;
import org.timebank.redemption.domain.Redemption.Reason;
import org.timebank.redemption.domain.Redemption.Refunded;
import org.timebank.redemption.domain.Redemption.Refused;
import org.timebank.redemption.domain.Redemption.Released;

/** The rules of a redemption's life, without a database: hold, capture, void, expiry, refunds. */
class RedemptionTest {
    private static final long RICE = 7, OIL = 9;
    private static final long HOLD = 500;
    private static final Instant CAPTURED_AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    /** 3 rice at 30 and 1 oil at 25, held: 115 points. */
    private static Redemption heldItems() {
        return new Redemption(1, HOLD, RedemptionStatus.HELD, 115, null, 0, null,
                List.of(new Line(OIL, 1, 25, 0, 0), new Line(RICE, 3, 30, 0, 0)));
    }

    private static Redemption heldPoints() {
        return new Redemption(2, HOLD, RedemptionStatus.HELD, 40, null, 0, null, List.of());
    }

    /** heldItems() captured keeping 2 rice: 60 points, 1 rice and the oil released. */
    private static Redemption keptTwoRice(long refundedPoints, int refundedRice) {
        return new Redemption(1, HOLD, RedemptionStatus.CAPTURED, 115, 60L, refundedPoints, CAPTURED_AT,
                List.of(new Line(RICE, 3, 30, 1, refundedRice), new Line(OIL, 1, 25, 1, 0)));
    }

    private static Basket items(long itemId, int quantity) {
        return new Basket(List.of(new Basket.Line(itemId, quantity)), null);
    }

    private static Basket points(long points) {
        return new Basket(null, points);
    }

    private static Refused refused(Reason reason, String code, Object... args) {
        return new Refused(reason, code, List.of(args));
    }

    @Test
    void a_redemption_in_capture_mode_opens_captured_in_full_and_in_hold_mode_opens_held_with_nothing_captured() {
        assertEquals(new Opened(RedemptionStatus.CAPTURED, 115, 115L), Redemption.open(RedemptionMode.CAPTURE, 115));
        assertEquals(new Opened(RedemptionStatus.HELD, 115, null), Redemption.open(RedemptionMode.HOLD, 115));
    }

    @Test
    void a_partial_capture_keeps_the_items_named_and_releases_the_rest() {
        assertEquals(new Captured(60, List.of(new Basket.Line(RICE, 2)),
                        List.of(new Basket.Line(RICE, 1), new Basket.Line(OIL, 1))),
                heldItems().capture(items(RICE, 2), false));
        assertEquals(new Captured(55, List.of(new Basket.Line(RICE, 1), new Basket.Line(OIL, 1)),
                        List.of(new Basket.Line(RICE, 2))),
                heldItems().capture(new Basket(List.of(new Basket.Line(RICE, 1), new Basket.Line(OIL, 1)), null), false));
    }

    @Test
    void a_capture_without_a_basket_or_naming_every_unit_keeps_everything() {
        List<Basket.Line> everything = List.of(new Basket.Line(RICE, 3), new Basket.Line(OIL, 1));
        assertEquals(new Captured(115, everything, List.of()), heldItems().capture(null, false));
        assertEquals(new Captured(115, everything, List.of()),
                heldItems().capture(new Basket(List.of(new Basket.Line(RICE, 3), new Basket.Line(OIL, 1)), null), false));
        assertEquals(new Captured(40, List.of(), List.of()), heldPoints().capture(null, false));
    }

    @Test
    void points_alone_never_capture_a_hold_of_items() {
        assertEquals(refused(Reason.REQUEST, "CAPTURE_ITEMS_REQUIRED", 1L), heldItems().capture(points(30), false));
        assertEquals(refused(Reason.REQUEST, "CAPTURE_ITEMS_REQUIRED", 1L), heldItems().capture(points(115), false));
    }

    @Test
    void a_capture_keeps_only_units_that_were_held() {
        assertEquals(refused(Reason.REQUEST, "CAPTURE_EXCEEDS_HOLD", 1L), heldItems().capture(items(RICE, 4), false));
        assertEquals(refused(Reason.REQUEST, "CAPTURE_EXCEEDS_HOLD", 1L), heldItems().capture(items(3, 1), false));
        assertEquals(refused(Reason.REQUEST, "CAPTURE_EXCEEDS_HOLD", 2L), heldPoints().capture(items(RICE, 1), false));
    }

    @Test
    void a_hold_of_points_is_captured_in_part_by_points_up_to_the_held_amount() {
        assertEquals(new Captured(25, List.of(), List.of()), heldPoints().capture(points(25), false));
        assertEquals(new Captured(40, List.of(), List.of()), heldPoints().capture(points(40), false));
        assertEquals(refused(Reason.REQUEST, "HOLD_AMOUNT_INVALID", 41L, 40L), heldPoints().capture(points(41), false));
    }

    @Test
    void a_hold_past_its_timeout_is_HOLD_EXPIRED_to_a_capture_and_a_void_whether_swept_or_not() {
        Refused expired = refused(Reason.STATE, "HOLD_EXPIRED", HOLD);
        // not swept: the ledger says the time is up
        assertEquals(expired, heldItems().capture(items(RICE, 1), true));
        assertEquals(expired, heldItems().capture(null, true));
        assertEquals(expired, heldItems().capture(points(1), true), "the expiry is told before what is wrong with the ask");
        assertEquals(expired, heldItems().voidHold(true));
        // swept: the redemption says EXPIRED, whatever the ledger is asked
        Redemption swept = new Redemption(1, HOLD, RedemptionStatus.EXPIRED, 115, null, 0, CAPTURED_AT,
                List.of(new Line(RICE, 3, 30, 3, 0), new Line(OIL, 1, 25, 1, 0)));
        assertEquals(expired, swept.capture(null, false));
        assertEquals(expired, swept.voidHold(false));
    }

    @Test
    void a_resolved_hold_is_not_held_any_more() {
        Redemption voided = new Redemption(1, HOLD, RedemptionStatus.VOIDED, 115, null, 0, CAPTURED_AT,
                List.of(new Line(RICE, 3, 30, 3, 0), new Line(OIL, 1, 25, 1, 0)));
        assertEquals(refused(Reason.STATE, "REDEMPTION_NOT_HELD", 1L, "VOIDED"), voided.capture(null, true));
        assertEquals(refused(Reason.STATE, "REDEMPTION_NOT_HELD", 1L, "CAPTURED"), keptTwoRice(0, 0).voidHold(false));
        assertEquals(refused(Reason.STATE, "REDEMPTION_NOT_HELD", 1L, "CAPTURED"), keptTwoRice(0, 0).expire());
    }

    @Test
    void a_void_or_an_expiry_releases_every_held_unit() {
        Released all = new Released(List.of(new Basket.Line(RICE, 3), new Basket.Line(OIL, 1)));
        assertEquals(all, heldItems().voidHold(false));
        assertEquals(all, heldItems().expire());
        assertEquals(new Released(List.of()), heldPoints().voidHold(false));
    }

    @Test
    void a_refund_of_units_returns_only_kept_units_at_their_held_price() {
        Instant now = CAPTURED_AT.plusSeconds(60);
        assertEquals(new Refunded(30, List.of(new Basket.Line(RICE, 1))), keptTwoRice(0, 0).refund(items(RICE, 1), now, WINDOW));
        assertEquals(new Refunded(60, List.of(new Basket.Line(RICE, 2))), keptTwoRice(0, 0).refund(items(RICE, 2), now, WINDOW));
        Refused exceeds = refused(Reason.REQUEST, "REFUND_EXCEEDS_REDEMPTION", 1L);
        assertEquals(exceeds, keptTwoRice(0, 0).refund(items(RICE, 3), now, WINDOW), "one rice was released, not kept");
        assertEquals(exceeds, keptTwoRice(0, 0).refund(items(OIL, 1), now, WINDOW), "the oil was released");
        assertEquals(exceeds, keptTwoRice(30, 1).refund(items(RICE, 2), now, WINDOW), "one kept rice came back already");
    }

    @Test
    void refunds_of_points_and_units_together_never_return_more_than_was_captured() {
        Instant now = CAPTURED_AT.plusSeconds(60);
        Refused exceeds = refused(Reason.REQUEST, "REFUND_EXCEEDS_REDEMPTION", 1L);
        assertEquals(new Refunded(60, List.of()), keptTwoRice(0, 0).refund(points(60), now, WINDOW));
        assertEquals(exceeds, keptTwoRice(0, 0).refund(points(61), now, WINDOW));
        // after 50 points back, a kept rice (30) is worth more than the 10 left
        assertEquals(exceeds, keptTwoRice(50, 0).refund(items(RICE, 1), now, WINDOW));
        assertEquals(new Refunded(10, List.of()), keptTwoRice(50, 0).refund(points(10), now, WINDOW));
        // after a rice came back, points up to the other 30
        assertEquals(new Refunded(30, List.of()), keptTwoRice(30, 1).refund(points(30), now, WINDOW));
        assertEquals(exceeds, keptTwoRice(30, 1).refund(points(31), now, WINDOW));
    }

    @Test
    void what_is_refundable_is_the_captured_points_less_earlier_refunds_and_nothing_before_a_capture() {
        assertEquals(60, keptTwoRice(0, 0).refundablePoints());
        assertEquals(30, keptTwoRice(30, 1).refundablePoints());
        assertEquals(0, keptTwoRice(60, 2).refundablePoints());
        assertEquals(0, heldItems().refundablePoints());
        assertEquals(refused(Reason.REQUEST, "REFUND_EXCEEDS_REDEMPTION", 1L),
                keptTwoRice(60, 2).refund(points(1), CAPTURED_AT, WINDOW), "nothing is left to refund");
    }

    @Test
    void only_a_capture_inside_the_refund_window_is_refunded() {
        assertEquals(refused(Reason.STATE, "REDEMPTION_NOT_CAPTURED", 1L, "HELD"),
                heldItems().refund(points(1), CAPTURED_AT, WINDOW));
        assertEquals(new Refunded(1, List.of()), keptTwoRice(0, 0).refund(points(1), CAPTURED_AT.plus(WINDOW), WINDOW));
        assertEquals(refused(Reason.REQUEST, "REFUND_WINDOW_CLOSED", 1L),
                keptTwoRice(0, 0).refund(points(1), CAPTURED_AT.plus(WINDOW).plusMillis(1), WINDOW));
    }

    @Test
    void a_line_never_returns_more_units_than_were_kept() {
        assertThrows(IllegalArgumentException.class, () -> new Line(RICE, 3, 30, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new Line(RICE, 3, 30, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new Line(RICE, 3, 30, -1, 0));
        assertEquals(2, new Line(RICE, 3, 30, 1, 1).keptQuantity());
    }
}

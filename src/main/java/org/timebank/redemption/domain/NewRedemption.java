package org.timebank.redemption.domain;

import java.util.List;
import java.util.Objects;

/**
 * A shop's operator redeems a volunteer's payment code (as scanned or typed, kept in its issued form)
 * for catalogue items or a number of points, captured at once unless a HOLD is asked for. Whether the
 * items and points make a {@link Basket} is the service's to ask ({@link #basket()}) once it has
 * checked who redeems where, so that a refusal of the caller or the shop comes first.
 */
public record NewRedemption(long shopId, String code, List<Basket.Line> items, Long points, RedemptionMode mode) {
    public NewRedemption {
        code = PaymentCode.normalize(Objects.requireNonNull(code, "code"));
        items = items == null ? null : List.copyOf(items);
        mode = mode == null ? RedemptionMode.CAPTURE : mode;
    }

    /** @throws IllegalArgumentException unless exactly one of items and points (ArithmeticException past int) */
    public Basket basket() {
        return new Basket(items, points);
    }
}

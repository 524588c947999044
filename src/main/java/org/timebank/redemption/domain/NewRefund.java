package org.timebank.redemption.domain;

import java.util.List;

/**
 * A refund of a captured redemption: units brought back, or a number of points. As with a
 * {@link NewRedemption}, whether they make a basket is asked after the redemption is found.
 */
public record NewRefund(List<Basket.Line> items, Long points) {
    public NewRefund {
        items = items == null ? null : List.copyOf(items);
    }

    /** @throws IllegalArgumentException unless exactly one of items and points (ArithmeticException past int) */
    public Basket returned() {
        return new Basket(items, points);
    }
}

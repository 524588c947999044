package org.timebank.redemption.domain;

import java.util.List;

/**
 * The capture of a hold: nothing named to capture everything held, else the units the volunteer keeps
 * (a redemption of items) or the points posted (a redemption of points). As with a
 * {@link NewRedemption}, whether they make a basket is asked after the redemption is found.
 */
public record HoldCapture(List<Basket.Line> items, Long points) {
    public HoldCapture {
        items = items == null ? null : List.copyOf(items);
    }

    /** Null to capture everything held. @throws IllegalArgumentException if both items and points are named */
    public Basket kept() {
        return items == null && points == null ? null : new Basket(items, points);
    }
}

package org.timebank.hours.domain;

import java.math.RoundingMode;

/** How converted points that are not whole are rounded: down (Guangzhou's whole numbers), half up, or up. */
public enum Rounding {
    DOWN(RoundingMode.DOWN), HALF_UP(RoundingMode.HALF_UP), UP(RoundingMode.UP);

    private final RoundingMode mode;

    Rounding(RoundingMode mode) {
        this.mode = mode;
    }

    public RoundingMode mode() {
        return mode;
    }
}

package org.timebank.redemption.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a redemption asks for: catalogue lines, merged per item and in item order (the order stock
 * rows are locked in, so two baskets never deadlock), or a plain number of points for a shop
 * without a catalogue. Exactly one of the two.
 */
public record Basket(List<Line> lines, Long points) {
    public record Line(long itemId, int quantity) {
        public Line {
            if (quantity <= 0) {
                throw new IllegalArgumentException("a line takes at least one unit");
            }
        }
    }

    public Basket {
        if ((lines == null || lines.isEmpty()) == (points == null)) {
            throw new IllegalArgumentException("a basket holds either items or points");
        }
        if (points != null && points <= 0) {
            throw new IllegalArgumentException("a basket of points is positive");
        }
        if (lines != null) {
            Map<Long, Integer> merged = new TreeMap<>();
            for (Line l : lines) {
                merged.merge(l.itemId(), l.quantity(), Math::addExact);
            }
            lines = merged.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue())).toList();
        } else {
            lines = List.of();
        }
    }

    public boolean hasItems() {
        return points == null;
    }
}

package org.timebank.redemption.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BasketTest {
    @Test
    void lines_of_one_item_are_merged_and_come_in_item_order() {
        Basket b = new Basket(List.of(new Basket.Line(9, 1), new Basket.Line(3, 2), new Basket.Line(9, 4)), null);
        assertEquals(List.of(new Basket.Line(3, 2), new Basket.Line(9, 5)), b.lines());
    }

    @Test
    void a_basket_holds_either_items_or_points() {
        assertThrows(IllegalArgumentException.class, () -> new Basket(null, null));
        assertThrows(IllegalArgumentException.class, () -> new Basket(List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Basket(List.of(new Basket.Line(1, 1)), 5L));
        assertThrows(IllegalArgumentException.class, () -> new Basket(null, 0L));
        assertEquals(5L, new Basket(null, 5L).points());
    }
}

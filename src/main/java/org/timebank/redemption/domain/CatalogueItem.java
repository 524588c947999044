package org.timebank.redemption.domain;

/** An item of a shop's catalogue as its operator sets it: without id a new one, with id that item rewritten. */
public record CatalogueItem(Long id, String name, long pointsPrice, int stock, boolean active) {
    public CatalogueItem {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an item needs a name");
        }
        if (pointsPrice <= 0) {
            throw new IllegalArgumentException("an item costs at least one point: " + pointsPrice);
        }
        if (stock < 0) {
            throw new IllegalArgumentException("stock cannot be negative: " + stock);
        }
        name = name.strip();
    }
}

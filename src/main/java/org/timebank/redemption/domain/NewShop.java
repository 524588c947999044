package org.timebank.redemption.domain;

import java.util.Objects;

/** A shop to onboard in a community; that the region exists and is a community is the service's to check. */
public record NewShop(String name, ShopKind kind, long regionId) {
    public NewShop {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a shop needs a name");
        }
        Objects.requireNonNull(kind, "kind");
        name = name.strip();
    }
}

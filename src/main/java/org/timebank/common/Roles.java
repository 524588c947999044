package org.timebank.common;

import java.util.List;

/** The {@code groups} claim values this service knows. */
public final class Roles {
    public static final String VOLUNTEER = "volunteer";
    public static final String STAFF = "staff";
    public static final String SHOP = "shop";
    public static final String ADMIN = "admin";
    /** In the order GET /me lists them. */
    public static final List<String> ALL = List.of(VOLUNTEER, STAFF, SHOP, ADMIN);

    private Roles() {}
}

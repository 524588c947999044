package org.timebank.security;

/** The {@code groups} claim values this service knows. */
public final class Roles {
    public static final String VOLUNTEER = "volunteer";
    public static final String STAFF = "staff";
    public static final String SHOP = "shop";
    public static final String ADMIN = "admin";

    private Roles() {}
}

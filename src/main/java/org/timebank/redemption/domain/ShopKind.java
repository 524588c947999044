package org.timebank.redemption.domain;

public enum ShopKind {
    /** A caring business (爱心商家) accepting points. */
    PARTNER_SHOP,
    /** A charity supermarket (慈善超市). */
    CHARITY_SUPERMARKET
}

package org.timebank.redemption.domain;

import java.time.OffsetDateTime;

/** A shop as other features see it: who runs it where, and the account its points settle in. */
public record ShopRef(long id, String name, ShopKind kind, long regionId, long settlementAccountId,
                      OffsetDateTime createdAt) {}

package org.timebank.ledger.domain;

import java.time.OffsetDateTime;

/** An account as the ledger keeps it, with its balance (the unfolded deltas of a hot account included). */
public record Account(long id, Asset asset, AccountPurpose purpose, OwnerType ownerType, long ownerId,
                      AccountFlags flags, Balance balance, long version, OffsetDateTime createdAt) {}

package org.timebank.transfer.domain;

import java.time.OffsetDateTime;
import org.timebank.ledger.domain.Asset;

/** A payment from a community's pool to a volunteer, as posted. */
public record Grant(long transactionId, long communityId, long toVolunteerId, Asset asset, long amount, String reason,
                    OffsetDateTime createdAt) {}

package org.timebank.transfer.domain;

import java.time.OffsetDateTime;
import org.timebank.ledger.domain.Asset;

/** A gift ({@code toVolunteerId} set) or a donation ({@code communityId} set), as posted. */
public record Transfer(long transactionId, TransferType type, long fromVolunteerId, Long toVolunteerId,
                       Long communityId, Asset asset, long amount, String memo, OffsetDateTime createdAt) {}

package org.timebank.servicerequest.domain;

import java.time.OffsetDateTime;

/** A service request as stored and shown. */
public record ServiceRequestDetails(long id, long requesterId, long communityId, String category, String description,
                                    String place, OffsetDateTime windowStartsAt, OffsetDateTime windowEndsAt,
                                    int expectedMinutes, PayerType payerType, Long payerVolunteerId,
                                    String payerReason, RequestStatus status, String createdBy,
                                    OffsetDateTime createdAt, Long providerId, OffsetDateTime acceptedAt,
                                    Settlement settlement, Long holdId, Integer minutesServed,
                                    OffsetDateTime reportedAt, String disputedBy, OffsetDateTime escalatedAt,
                                    String closedBy, OffsetDateTime closedAt, String reason, NoShowParty noShowParty,
                                    Integer postedMinutes, Long settlementTransactionId, Long claimId) {

    /** The lifecycle's view of it. */
    public ServiceRequest lifecycle() {
        return new ServiceRequest(id, status, requesterId, payerVolunteerId, providerId, expectedMinutes,
                minutesServed, escalatedAt != null);
    }
}

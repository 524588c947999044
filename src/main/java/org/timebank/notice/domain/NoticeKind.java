package org.timebank.notice.domain;

/**
 * What a notice tells a volunteer. The service requests of issue 13 enqueue the last two (see
 * {@code Notices#enqueue}); the others follow this service's own events.
 */
public enum NoticeKind {
    CLAIM_APPROVED,
    CLAIM_REJECTED,
    REDEMPTION_REFUNDED,
    POINTS_EXPIRING,
    SERVICE_REQUEST_ACCEPTED,
    SERVICE_REQUEST_COMPLETED
}

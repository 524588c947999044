package org.timebank.servicerequest.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A need to post: for {@code requesterId} (the caller when null), in {@code communityId} (the
 * requester's home community when null), paid by {@code payerType} ({@code payerVolunteerId} for
 * FAMILY, {@code payerReason} for COMMUNITY_POOL). Blank texts are none.
 */
public record NewServiceRequest(Long requesterId, Long communityId, String category, String description, String place,
                                Instant windowStartsAt, Instant windowEndsAt, int expectedMinutes, PayerType payerType,
                                Long payerVolunteerId, String payerReason) {
    public NewServiceRequest {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(windowStartsAt, "windowStartsAt");
        Objects.requireNonNull(windowEndsAt, "windowEndsAt");
        payerType = payerType == null ? PayerType.SELF : payerType;
        description = blank(description) ? null : description.strip();
        place = blank(place) ? null : place.strip();
        payerReason = blank(payerReason) ? null : payerReason.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

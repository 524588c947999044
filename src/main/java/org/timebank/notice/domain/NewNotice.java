package org.timebank.notice.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A notice to write: to whom, of which kind, the identity of the event that causes it (its
 * {@code eventId}, unique per kind: a claim's id, a refund's id), and what it says, as named text
 * values (the WeChat template's fields and the webhook's JSON are made from them).
 */
public record NewNotice(long volunteerId, NoticeKind kind, String eventId, Map<String, String> payload) {
    public NewNotice {
        Objects.requireNonNull(kind, "kind");
        if (eventId == null || eventId.isBlank() || eventId.length() > 200) {
            throw new IllegalArgumentException("an event id of 1 to 200 characters is required");
        }
        payload = Map.copyOf(payload);
    }

    /** One notice per event and channel: the outbox's unique key within a channel. */
    public String dedupId() {
        return kind.name() + ":" + eventId;
    }
}

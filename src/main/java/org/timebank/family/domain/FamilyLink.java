package org.timebank.family.domain;

import java.time.OffsetDateTime;

/**
 * A link between two volunteers of one family: {@code requestedBy} named {@code memberId}, who
 * confirms it; either side removes it. Each side's monthly limit bounds what its hours pay for the
 * other's services (null: no limit).
 */
public record FamilyLink(long id, long requestedBy, long memberId, String relation, FamilyLinkStatus status,
                         Integer requesterLimitMinutes, Integer memberLimitMinutes, OffsetDateTime createdAt,
                         OffsetDateTime confirmedAt, OffsetDateTime removedAt) {

    public boolean involves(long volunteerId) {
        return requestedBy == volunteerId || memberId == volunteerId;
    }

    /** The other side, seen from {@code volunteerId} (one of the two). */
    public long other(long volunteerId) {
        return requestedBy == volunteerId ? memberId : requestedBy;
    }

    /** The limit {@code payerId} set on what their hours pay for the other side each month; null: none. */
    public Integer limitOf(long payerId) {
        return requestedBy == payerId ? requesterLimitMinutes : memberLimitMinutes;
    }

    public sealed interface Outcome permits Confirm, Remove, Refused {}

    public record Confirm() implements Outcome {}

    public record Remove() implements Outcome {}

    public record Refused(boolean forbidden, String code) implements Outcome {}

    /** Only the named member confirms, and only a pending link. */
    public Outcome confirm(long by) {
        if (by != memberId) {
            return new Refused(true, "FAMILY_LINK_CONFIRM_BY_MEMBER");
        }
        if (status != FamilyLinkStatus.PENDING) {
            return new Refused(false, "FAMILY_LINK_NOT_PENDING");
        }
        return new Confirm();
    }

    /** Either side removes a live link (a pending one too: withdrawn or declined). */
    public Outcome remove(long by) {
        if (!involves(by)) {
            return new Refused(true, "FORBIDDEN");
        }
        if (status == FamilyLinkStatus.REMOVED) {
            return new Refused(false, "FAMILY_LINK_REMOVED");
        }
        return new Remove();
    }
}

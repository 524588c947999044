package org.timebank.family.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.common.Times;
import org.timebank.family.domain.FamilyLink;
import org.timebank.family.domain.FamilyLinkStatus;

public final class FamilyLinkViews {
    private FamilyLinkViews() {}

    @Schema(name = "FamilyLinkRequest")
    public record LinkRequest(@NotNull @Positive Long memberId,
                              @Size(max = 40) @Schema(example = "子女") String relation) {}

    @Schema(name = "FamilyPaymentLimit")
    public record LimitRequest(@Min(0) @Max(100_000) @Schema(description = "the most minutes a month the caller's "
            + "hours pay for the other side's services; null lifts the limit", example = "600") Integer monthlyMinutes) {}

    @Schema(name = "FamilyLink")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LinkView(long id, long requestedBy, long memberId, String relation, FamilyLinkStatus status,
                           @Schema(description = "requestedBy's monthly limit on paying for memberId") Integer requesterLimitMinutes,
                           @Schema(description = "memberId's monthly limit on paying for requestedBy") Integer memberLimitMinutes,
                           OffsetDateTime createdAt, OffsetDateTime confirmedAt, OffsetDateTime removedAt) {
        public static LinkView of(FamilyLink l) {
            return new LinkView(l.id(), l.requestedBy(), l.memberId(), l.relation(), l.status(),
                    l.requesterLimitMinutes(), l.memberLimitMinutes(), Times.local(l.createdAt()),
                    Times.local(l.confirmedAt()), Times.local(l.removedAt()));
        }
    }
}

package org.timebank.transfer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.common.Times;
import org.timebank.ledger.domain.Asset;
import org.timebank.transfer.domain.Grant;
import org.timebank.transfer.domain.NewGrant;
import org.timebank.transfer.domain.NewTransfer;
import org.timebank.transfer.domain.Pool;
import org.timebank.transfer.domain.Transfer;
import org.timebank.transfer.domain.TransferRulesInForce;
import org.timebank.transfer.domain.TransferType;

/** The JSON shapes of gifts, donations, pool grants, pools and transfer rules. */
public final class TransferViews {
    private TransferViews() {}

    @Schema(name = "TransferRequest", description = "A gift to another volunteer or a donation to a community's pool, "
            + "from the caller's own wallet")
    public record TransferRequest(
            @NotNull TransferType type,
            @Positive @Schema(description = "GIFT only: the volunteer who receives it") Long toVolunteerId,
            @Positive @Schema(description = "DONATION only: the community whose pool receives it; default the donor's "
                    + "home community") Long communityId,
            @Schema(description = "default POINTS") Asset asset,
            @NotNull @Positive @Max(1_000_000_000L) @Schema(description = "points, or minutes for HOURS", example = "50")
            Long amount,
            @Size(max = 500) String memo) {
        public NewTransfer command() {
            return new NewTransfer(type, toVolunteerId, communityId, asset, amount, memo);
        }
    }

    @Schema(name = "Transfer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransferView(long transactionId, TransferType type, long fromVolunteerId, Long toVolunteerId,
                               Long communityId, Asset asset,
                               @Schema(description = "points, or minutes for HOURS") long amount, String memo,
                               OffsetDateTime createdAt) {
        public static TransferView of(Transfer t) {
            return new TransferView(t.transactionId(), t.type(), t.fromVolunteerId(), t.toVolunteerId(),
                    t.communityId(), t.asset(), t.amount(), t.memo(), Times.local(t.createdAt()));
        }
    }

    @Schema(name = "PoolGrantRequest", description = "Points or hours staff pay from a community's pool to a volunteer")
    public record GrantRequest(
            @NotNull @Positive Long volunteerId,
            @NotNull Asset asset,
            @NotNull @Positive @Max(1_000_000_000L) @Schema(description = "points, or minutes for HOURS", example = "30")
            Long amount,
            @NotBlank @Size(max = 500) @Schema(example = "独居老人助餐") String reason) {
        public NewGrant command() {
            return new NewGrant(volunteerId, asset, amount, reason);
        }
    }

    @Schema(name = "PoolGrant")
    public record GrantView(long transactionId, long communityId, long toVolunteerId, Asset asset, long amount,
                            String reason, OffsetDateTime createdAt) {
        public static GrantView of(Grant g) {
            return new GrantView(g.transactionId(), g.communityId(), g.toVolunteerId(), g.asset(), g.amount(),
                    g.reason(), Times.local(g.createdAt()));
        }
    }

    @Schema(name = "PoolPoints")
    public record PoolPoints(long available) {}

    @Schema(name = "PoolHours")
    public record PoolHours(long availableMinutes) {}

    @Schema(name = "Pool", description = "What a community's pool holds, given by donations and hours over a cap")
    public record PoolView(long communityId, PoolPoints points, PoolHours hours) {
        public static PoolView of(Pool p) {
            return new PoolView(p.communityId(), new PoolPoints(p.availablePoints()),
                    new PoolHours(p.availableMinutes()));
        }
    }

    @Schema(name = "PutTransferRules")
    public record PutTransferRules(@NotNull Boolean hoursGiftsAllowed,
                                   @Schema(description = "hours may be gifted only to the giver's confirmed family "
                                           + "members; default false") Boolean hoursGiftsFamilyOnly) {}

    @Schema(name = "TransferRules", description = "The rules in force for a region: its own, or those of the nearest "
            + "region above it with rules; without any, hours cannot be gifted")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransferRulesView(long regionId, boolean hoursGiftsAllowed, boolean hoursGiftsFamilyOnly,
                                    @Schema(description = "the region whose rule applies; absent when none does")
                                    Long inheritedFrom) {
        public static TransferRulesView of(TransferRulesInForce r) {
            return new TransferRulesView(r.regionId(), r.hoursGiftsAllowed(), r.hoursGiftsFamilyOnly(), r.inheritedFrom());
        }
    }
}

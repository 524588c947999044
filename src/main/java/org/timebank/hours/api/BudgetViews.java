package org.timebank.hours.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.common.Times;
import org.timebank.hours.domain.Budget;
import org.timebank.hours.domain.BudgetFunding;
import org.timebank.hours.domain.BudgetFundingEntry;

public final class BudgetViews {
    private BudgetViews() {}

    @Schema(name = "BudgetFunding", description = "Points the community fund pays into the community's budget")
    public record Funding(
            @NotNull @Positive @Max(1_000_000_000L) @Schema(example = "5000") Long points,
            @NotBlank @Size(max = 500) @Schema(example = "2026 Q4 allocation of the community fund") String memo) {
        public BudgetFunding command() {
            return new BudgetFunding(points, memo);
        }
    }

    @Schema(name = "Budget", description = "A community's points budget; without one, approvals are not limited")
    public record BudgetView(
            @Schema(example = "4") long communityId,
            @Schema(description = "whether approvals in the community draw on a budget") boolean budgeted,
            @Schema(description = "points paid in so far", example = "5000") long funded,
            @Schema(description = "points paid out to volunteers so far", example = "1200") long spent,
            @Schema(description = "points left", example = "3800") long available) {
        public static BudgetView of(Budget b) {
            return new BudgetView(b.communityId(), b.budgeted(), b.funded(), b.spent(), b.available());
        }
    }

    @Schema(name = "BudgetFundingEntry", description = "One payment between the community fund and the budget")
    public record FundingEntry(
            @Schema(example = "812") long transactionId,
            @Schema(description = "BUDGET_FUNDING, or REVERSAL when a funding was taken back", example = "BUDGET_FUNDING") String kind,
            @Schema(description = "points paid into the budget (negative when taken back)", example = "5000") long points,
            @Schema(example = "2026 Q4 allocation of the community fund") String memo,
            @Schema(description = "who paid it in", example = "admin-wuhan-1") String actor,
            OffsetDateTime createdAt) {
        public static FundingEntry of(BudgetFundingEntry f) {
            return new FundingEntry(f.transactionId(), f.kind().name(), f.points(), f.memo(), f.actor(),
                    Times.local(f.createdAt()));
        }
    }
}

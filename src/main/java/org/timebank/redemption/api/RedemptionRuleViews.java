package org.timebank.redemption.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.redemption.domain.RedemptionRuleInForce;

public final class RedemptionRuleViews {
    private RedemptionRuleViews() {}

    @Schema(name = "PutRedemptionRule")
    public record PutRedemptionRule(
            @Positive @Max(10_000_000L) @Schema(description = "confirmed minutes a volunteer needs before redeeming; "
                    + "absent or null lifts a minimum inherited from above", example = "6000") Long minMinutes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RedemptionRule")
    public record RedemptionRuleView(
            @Schema(example = "4") long regionId,
            @Schema(description = "the minimum in force; absent: none", example = "6000") Long minMinutes,
            @Schema(description = "the region whose rule is in force; absent when no region on the path has one", example = "1")
            Long inheritedFrom) {

        public static RedemptionRuleView of(RedemptionRuleInForce rule) {
            return new RedemptionRuleView(rule.regionId(), rule.minMinutes(), rule.inheritedFrom());
        }
    }
}

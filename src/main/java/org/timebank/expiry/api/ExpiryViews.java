package org.timebank.expiry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.expiry.domain.ExpiryInForce;

public final class ExpiryViews {
    private ExpiryViews() {}

    @Schema(name = "PutPointsExpiry")
    public record PutPointsExpiry(
            @NotNull @Min(1) @Max(120) @Schema(description = "points expire this many months after they were earned", example = "24")
            Integer months) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PointsExpiry")
    public record PointsExpiryView(
            @Schema(example = "4") long regionId,
            @Schema(description = "the rule in force: points expire this many months after they were earned; absent: they never expire", example = "24")
            Integer months,
            @Schema(description = "the region whose rule is in force (this one or the nearest ancestor with one)", example = "1")
            Long inheritedFrom) {

        public static PointsExpiryView of(ExpiryInForce rule) {
            return new PointsExpiryView(rule.regionId(), rule.months(), rule.inheritedFrom());
        }
    }
}

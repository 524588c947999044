package org.timebank.hours.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.common.Times;
import org.timebank.hours.ConversionRuleService;
import org.timebank.hours.HourClaimService;
import org.timebank.hours.domain.ClaimReview;
import org.timebank.hours.domain.ClaimReview.Decision;
import org.timebank.hours.domain.ConversionRuleSet;
import org.timebank.hours.domain.NewHourClaim;
import org.timebank.hours.domain.NewConversionRules;
import org.timebank.hours.domain.OverCap;
import org.timebank.hours.domain.Rounding;
import org.timebank.hours.persistence.ConversionRuleStore;
import org.timebank.hours.persistence.HourClaim;

/** The JSON shapes of hours: conversion rules, claims and decisions. */
public final class HoursViews {
    private HoursViews() {}

    public static final String CATEGORY = "[A-Z][A-Z0-9_]{0,39}";

    // ---- conversion rules ----

    @Schema(name = "CategoryRate")
    public record CategoryRate(
            @NotNull @Pattern(regexp = CATEGORY) @Schema(description = "service category; claims and activities may name only "
                    + "the categories the rules in force for their community rate, and DEFAULT, the general category",
                    example = "KITCHEN") String category,
            @NotNull @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 3)
            @Schema(description = "points per hour of service (up to 3 decimals)", example = "6") BigDecimal pointsPerHour) {}

    @Schema(name = "HoursCap")
    public record HoursCap(
            @NotNull @Positive @Schema(description = "the most minutes a volunteer's HOURS account stores", example = "90000")
            Long minutes,
            @NotNull @Schema(example = "DONATE_TO_POOL") OverCap overCap) {}

    @Schema(name = "PutConversionRules", description = "A new version of a region's rules; it applies to service from effectiveFrom on, in the region and every region under it that has no rules of its own")
    public record PutConversionRules(
            @Schema(description = "default: now; service that started earlier keeps the rules then in force. Not before "
                    + "the effectiveFrom of the version current for the region (its latest, or the one it inherits), "
                    + "unless backdated is true") OffsetDateTime effectiveFrom,
            @NotNull @Min(1) @Max(60) @Schema(description = "service is counted in whole units of this many minutes (1 = to the minute, 15 = quarter hours); must divide 60", example = "1")
            Integer granularityMinutes,
            @NotNull @Schema(description = "how points that are not whole are rounded", example = "DOWN") Rounding rounding,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull CategoryRate> rates,
            @Valid HoursCap hoursCap,
            @Schema(description = "true to date the version back, before the effectiveFrom of the version current for the "
                    + "region: it then governs service from effectiveFrom until the next version takes effect, for claims "
                    + "not yet approved (approved claims keep the version recorded on their postings). Without it such a "
                    + "version is refused with CONVERSION_RULE_BACKDATED", defaultValue = "false") Boolean backdated) {

        public NewConversionRules command() {
            return new NewConversionRules(effectiveFrom == null ? null : effectiveFrom.toInstant(), granularityMinutes,
                    rounding, rates.stream().map(r -> new NewConversionRules.Rate(r.category(), r.pointsPerHour())).toList(),
                    hoursCap == null ? null : hoursCap.minutes(), hoursCap == null ? null : hoursCap.overCap(),
                    Boolean.TRUE.equals(backdated));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConversionRuleSet")
    public record RuleSetView(
            @Schema(description = "the rule version id recorded on every approval posted under it", example = "7") int id,
            @Schema(example = "4") long regionId,
            @Schema(description = "this region's version number", example = "2") int version,
            OffsetDateTime effectiveFrom, int granularityMinutes, Rounding rounding, List<CategoryRate> rates,
            HoursCap hoursCap, String createdBy, OffsetDateTime createdAt) {
        public static RuleSetView of(ConversionRuleStore.Stored s) {
            ConversionRuleSet r = s.rules();
            return new RuleSetView(r.id(), r.regionId(), r.version(), Times.local(r.effectiveFrom().atOffset(java.time.ZoneOffset.UTC)),
                    r.granularityMinutes(), r.rounding(),
                    r.pointsPerHour().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                            .map(e -> new CategoryRate(e.getKey(), e.getValue())).toList(),
                    r.hoursCapMinutes() == null ? null : new HoursCap(r.hoursCapMinutes(), r.overCap()),
                    s.createdBy(), Times.local(s.createdAt()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConversionRules")
    public record RulesView(
            @Schema(example = "4") long regionId,
            @Schema(description = "the rules in force now for this region: its own, or those of the nearest ancestor that has some; absent if none")
            RuleSetView inForce,
            @Schema(description = "the region whose rules are in force", example = "1") Long inheritedFrom,
            @Schema(description = "this region's own versions, newest first (up to 20)") List<RuleSetView> versions) {

        public static RulesView of(ConversionRuleService.Rules rules) {
            return new RulesView(rules.regionId(), rules.inForce().map(RuleSetView::of).orElse(null),
                    rules.inForce().map(s -> s.rules().regionId()).orElse(null),
                    rules.versions().stream().map(RuleSetView::of).toList());
        }
    }

    // ---- claims ----

    @Schema(name = "SubmitHourClaim", description = "A volunteer's claim for their own service, or staff recording it on a volunteer's behalf")
    public record SubmitClaim(
            @Positive @Schema(description = "whose hours; default: the calling volunteer", example = "1") Long volunteerId,
            @Positive @Schema(description = "the activity served at, if any; then the community and category are the activity's") Long activityId,
            @Positive @Schema(description = "where the service was done (without an activity); default: the volunteer's home community") Long communityId,
            @Pattern(regexp = CATEGORY) @Schema(description = "service category (without an activity): one the conversion rules "
                    + "in force for the community when the service started rate, or DEFAULT (the default)", example = "ELDERLY_VISIT") String category,
            @NotNull @Schema(example = "2026-11-20T09:00:00+08:00") OffsetDateTime startsAt,
            @NotNull @Schema(example = "2026-11-20T11:30:00+08:00") OffsetDateTime endsAt,
            @Size(max = 500) @Schema(example = "visited Mrs Li, 3rd floor") String description) {
        public NewHourClaim command() {
            return new NewHourClaim(volunteerId, activityId, communityId, category, startsAt.toInstant(),
                    endsAt.toInstant(), description);
        }
    }

    @Schema(name = "HourClaimDecision")
    public record DecisionRequest(
            @NotNull Decision decision,
            @Size(max = 500) @Schema(description = "required to reject", example = "no sign-in sheet for this date") String reason) {}

    @Schema(name = "BatchDecisionItem")
    public record BatchItem(@NotNull @Positive Long claimId, @NotNull Decision decision, @Size(max = 500) String reason) {}

    @Schema(name = "BatchDecisions")
    public record BatchRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull BatchItem> decisions) {}

    @Schema(name = "HourClaimReversal")
    public record ReversalRequest(@NotNull @Size(min = 1, max = 500) @Schema(example = "hours entered for the wrong volunteer") String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HourClaim")
    public record ClaimView(
            long id, long volunteerId, long communityId, Long activityId, String category, String description,
            OffsetDateTime startsAt, OffsetDateTime endsAt,
            @Schema(description = "whole minutes served") int minutes,
            ClaimReview.Status status, String submittedBy, OffsetDateTime submittedAt,
            @Schema(description = "the first of two reviewers, for claims that need two") String firstReviewer,
            OffsetDateTime firstReviewedAt, String decidedBy, OffsetDateTime decidedAt, String reason,
            @Schema(description = "the conversion rule version applied (the rule set id; the journal transaction's ruleVersion)") Integer ruleVersion,
            @Schema(description = "minutes credited (service counted in the rule's granularity)") Long creditedMinutes,
            @Schema(description = "points earned") Long points,
            @Schema(description = "the approval's journal transaction") Long transactionId,
            @Schema(description = "the reversal's journal transaction") Long reversalId) {
        public static ClaimView of(HourClaim c) {
            return new ClaimView(c.id, c.volunteerId, c.communityId, c.activityId, c.category, c.description,
                    Times.local(c.startsAt), Times.local(c.endsAt), c.minutes, c.status, c.submittedBy,
                    Times.local(c.submittedAt), c.firstReviewer, Times.local(c.firstReviewedAt), c.decidedBy,
                    Times.local(c.decidedAt), c.reason, c.ruleSetId, c.creditedMinutes, c.points, c.transactionId,
                    c.reversalId);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BatchDecisionResult", description = "one claim's outcome: its claim, or its problem")
    public record BatchResult(long claimId, @Schema(description = "the HTTP status this decision alone would have had") int status,
                              ClaimView claim, String code, String detail) {}

    @Schema(name = "BatchDecisionResults")
    public record BatchResults(List<BatchResult> results, int succeeded, int failed) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HourClaimReversalResult")
    public record ReversalView(ClaimView claim,
                               @Schema(description = "minutes taken back that the volunteer no longer held: now owed") long minutesOwed,
                               @Schema(description = "points taken back that the volunteer no longer held: now owed, repaid first from future earnings") long pointsOwed) {
        public static ReversalView of(HourClaimService.Reversal r) {
            return new ReversalView(ClaimView.of(r.claim()), r.minutesOwed(), r.pointsOwed());
        }
    }
}

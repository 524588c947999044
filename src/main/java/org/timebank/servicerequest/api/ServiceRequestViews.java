package org.timebank.servicerequest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.common.Times;
import org.timebank.servicerequest.domain.NeedApproval;
import org.timebank.servicerequest.domain.NewServiceRequest;
import org.timebank.servicerequest.domain.NoShowParty;
import org.timebank.servicerequest.domain.PayerType;
import org.timebank.servicerequest.domain.RequestStatus;
import org.timebank.servicerequest.domain.ResolutionDecision;
import org.timebank.servicerequest.domain.ServiceProfile;
import org.timebank.servicerequest.domain.ServiceRequestDetails;
import org.timebank.servicerequest.domain.ServiceRulesInForce;
import org.timebank.servicerequest.domain.Settlement;

/** The JSON shapes of service requests and of the service rules. */
public final class ServiceRequestViews {
    private ServiceRequestViews() {}

    static final String CATEGORY = "^[A-Z][A-Z0-9_]{0,39}$";

    @Schema(name = "ServiceRequestCreate", description = "A need to be served, paid with stored hours")
    public record CreateRequest(
            @Positive @Schema(description = "the resident served; default the caller (staff posting on behalf of a "
                    + "resident name them)") Long requesterId,
            @Positive @Schema(description = "the community where the service is given; default the requester's home "
                    + "community") Long communityId,
            @NotNull @Pattern(regexp = CATEGORY) @Schema(description = "one of the categories the region offers "
                    + "(GET /api/v1/regions/{id}/service-rules)", example = "MEAL_DELIVERY") String category,
            @Size(max = 500) String description,
            @NotBlank @Size(max = 200) @Schema(description = "a coarse place (building, not the flat)",
                    example = "3号楼") String place,
            @NotNull @Schema(example = "2026-12-01T09:00:00+08:00") OffsetDateTime windowStartsAt,
            @NotNull @Schema(example = "2026-12-01T12:00:00+08:00") OffsetDateTime windowEndsAt,
            @NotNull @Min(1) @Max(1440) @Schema(description = "the minutes held from the payer at acceptance",
                    example = "60") Integer expectedMinutes,
            @Schema(description = "default SELF; COMMUNITY_POOL is for staff serving the community, with a reason")
            PayerType payerType,
            @Positive @Schema(description = "FAMILY: the linked family member who pays") Long payerVolunteerId,
            @Size(max = 500) @Schema(description = "COMMUNITY_POOL: why the pool pays") String payerReason) {
        public NewServiceRequest command() {
            return new NewServiceRequest(requesterId, communityId, category, description, place,
                    windowStartsAt.toInstant(), windowEndsAt.toInstant(), expectedMinutes, payerType, payerVolunteerId,
                    payerReason);
        }
    }

    @Schema(name = "ServiceRequestReason")
    public record ReasonRequest(@Size(max = 500) @Schema(description = "required once the request is accepted",
            example = "老人住院了") String reason) {}

    @Schema(name = "ServiceRequestDispute")
    public record DisputeRequest(@NotBlank @Size(max = 500) @Schema(example = "没有上门") String reason) {}

    @Schema(name = "ServiceRequestCompletion")
    public record CompletionRequest(@NotNull @Min(1) @Max(1440) @Schema(description = "minutes served, at most the "
            + "expected minutes held", example = "45") Integer minutesServed) {}

    @Schema(name = "ServiceRequestResolution")
    public record ResolutionRequest(
            @NotNull ResolutionDecision decision,
            @Min(1) @Max(1440) @Schema(description = "POST_PART: the minutes posted, at most the expected minutes")
            Integer minutes,
            @NotBlank @Size(max = 500) String reason) {}

    @Schema(name = "ServiceRequest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceRequestView(long id, long requesterId, long communityId, String category, String description,
                                     String place, OffsetDateTime windowStartsAt, OffsetDateTime windowEndsAt,
                                     int expectedMinutes, PayerType payerType, Long payerVolunteerId,
                                     String payerReason, RequestStatus status, OffsetDateTime createdAt,
                                     Long providerId, OffsetDateTime acceptedAt,
                                     @Schema(description = "the region rule in force at acceptance")
                                     Settlement settlement,
                                     @Schema(description = "the ledger's hold on the payer's hours") Long holdId,
                                     Integer minutesServed, OffsetDateTime reportedAt,
                                     @Schema(description = "set when the request went to staff for not being "
                                             + "confirmed in time") OffsetDateTime escalatedAt,
                                     OffsetDateTime closedAt, String reason, NoShowParty noShowParty,
                                     @Schema(description = "the minutes of the hold posted") Integer postedMinutes,
                                     @Schema(description = "the HOLD_POST transaction") Long settlementTransactionId,
                                     @Schema(description = "BANK: the provider's approved hour claim") Long claimId) {
        public static ServiceRequestView of(ServiceRequestDetails r) {
            return new ServiceRequestView(r.id(), r.requesterId(), r.communityId(), r.category(), r.description(),
                    r.place(), Times.local(r.windowStartsAt()), Times.local(r.windowEndsAt()), r.expectedMinutes(),
                    r.payerType(), r.payerVolunteerId(), r.payerReason(), r.status(), Times.local(r.createdAt()),
                    r.providerId(), Times.local(r.acceptedAt()), r.settlement(), r.holdId(), r.minutesServed(),
                    Times.local(r.reportedAt()), Times.local(r.escalatedAt()), Times.local(r.closedAt()), r.reason(),
                    r.noShowParty(), r.postedMinutes(), r.settlementTransactionId(), r.claimId());
        }
    }

    @Schema(name = "AvailabilitySlot", description = "A weekly slot when the volunteer is usually free, local time")
    public record SlotView(@NotNull DayOfWeek weekday,
                           @NotNull @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$") @Schema(example = "09:00") String from,
                           @NotNull @Pattern(regexp = "^([01][0-9]|2[0-3]):[0-5][0-9]$") @Schema(example = "12:00") String to) {
        static SlotView of(ServiceProfile.Slot s) {
            return new SlotView(s.weekday(), s.startsAt().toString(), s.endsAt().toString());
        }
    }

    @Schema(name = "ServiceProfile", description = "What a volunteer offers (the resources list): categories of "
            + "service and weekly availability")
    public record ProfileView(long volunteerId, List<String> skills, List<SlotView> availability) {
        public static ProfileView of(ServiceProfile p) {
            return new ProfileView(p.volunteerId(), p.skills(), p.availability().stream().map(SlotView::of).toList());
        }
    }

    @Schema(name = "PutServiceProfile")
    public record PutProfile(@NotNull @Size(max = 30) List<@NotNull @Pattern(regexp = CATEGORY) String> skills,
                             @NotNull @Size(max = 50) List<@NotNull @Valid SlotView> availability) {}

    @Schema(name = "PutServiceRules")
    public record PutServiceRules(
            @NotNull Settlement settlement,
            @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = CATEGORY) String> categories,
            @Positive @Max(10_000_000L) @Schema(description = "the stored minutes a payer must hold to pay for a "
                    + "service; absent: no minimum", example = "6000") Long minStoredMinutes,
            @Schema(description = "only residents whose need staff approved may ask (the stand-in for an age "
                    + "threshold); default false") Boolean approvedNeedRequired) {}

    @Schema(name = "PutServiceEligibility")
    public record PutEligibility(@NotNull Boolean approved,
                                @Size(max = 500) @Schema(description = "required to approve", example = "独居，75 岁")
                                String reason) {}

    @Schema(name = "ServiceEligibility", description = "Whether staff approved the volunteer's need to be served")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EligibilityView(long volunteerId, boolean approved, String approvedBy, OffsetDateTime approvedAt,
                                  String reason) {
        public static EligibilityView of(long volunteerId, java.util.Optional<NeedApproval> a) {
            return a.map(x -> new EligibilityView(volunteerId, true, x.approvedBy(), Times.local(x.approvedAt()),
                    x.reason())).orElse(new EligibilityView(volunteerId, false, null, null, null));
        }
    }

    @Schema(name = "ServiceRules", description = "The rules in force for a region: its own, or those of the nearest "
            + "region above it; without any, BANK and the default categories")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceRulesView(long regionId, Settlement settlement, List<String> categories,
                                   Long minStoredMinutes, boolean approvedNeedRequired,
                                   @Schema(description = "the region whose rule applies; absent when none does")
                                   Long inheritedFrom) {
        public static ServiceRulesView of(ServiceRulesInForce r) {
            return new ServiceRulesView(r.regionId(), r.settlement(), r.categories(), r.minStoredMinutes(),
                    r.approvedNeedRequired(), r.inheritedFrom());
        }
    }
}

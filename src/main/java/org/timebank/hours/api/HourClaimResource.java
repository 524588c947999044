package org.timebank.hours.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.ApiException;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.Messages;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.QueryParams;
import org.timebank.common.Roles;
import org.timebank.common.SqlErrors;
import org.timebank.common.Tx;
import org.timebank.hours.HourClaimQueries;
import org.timebank.hours.HourClaimService;
import org.timebank.hours.api.HoursViews.BatchItem;
import org.timebank.hours.api.HoursViews.BatchRequest;
import org.timebank.hours.api.HoursViews.BatchResult;
import org.timebank.hours.api.HoursViews.BatchResults;
import org.timebank.hours.api.HoursViews.ClaimView;
import org.timebank.hours.api.HoursViews.DecisionRequest;
import org.timebank.hours.api.HoursViews.ReversalRequest;
import org.timebank.hours.api.HoursViews.ReversalView;
import org.timebank.hours.api.HoursViews.SubmitClaim;
import org.timebank.hours.domain.ClaimReview;
import org.timebank.security.Caller;

@Path("/api/v1/hour-claims")
@Tag(name = "Hour claims", description = "Claims of service time, their review, and their conversion into hours and points")
@Produces(MediaType.APPLICATION_JSON)
public class HourClaimResource {
    @Inject
    HourClaimService claims;
    @Inject
    HourClaimQueries queries;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "submitHourClaim", summary = "Claim hours (a volunteer for themself; staff on a volunteer's behalf)",
            description = "The end must follow the start, not lie in the future, be at most timebank.hours.max-claim-minutes "
                    + "after the start and not older than timebank.hours.max-claim-age; the period may not overlap the "
                    + "volunteer's other pending or approved claims (so no day holds more than 24 hours). Staff record "
                    + "claims only in communities they serve. Without an activity, the category must be one the conversion "
                    + "rules in force for the community when the service started rate, or DEFAULT: any other is a 422 "
                    + "UNKNOWN_SERVICE_CATEGORY (field category), never converted at the DEFAULT rate.")
    @APIResponse(responseCode = "201", description = "Recorded, pending review",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "409", description = "CLAIM_OVERLAPS")
    @APIResponse(responseCode = "422", description = "CLAIM_END_NOT_AFTER_START, CLAIM_IN_FUTURE, CLAIM_TOO_LONG, CLAIM_TOO_SHORT, "
            + "CLAIM_TOO_OLD, UNKNOWN_SERVICE_CATEGORY, VOLUNTEER_NOT_FOUND, ACTIVITY_NOT_FOUND, REGION_NOT_FOUND, NOT_A_COMMUNITY")
    @Idempotent
    public Response submit(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull SubmitClaim request) {
        return idempotency.write(idempotencyKey, request, () -> {
            ClaimView claim = ClaimView.of(claims.submit(caller, request.command()));
            return Idempotency.Outcome.created(URI.create("/api/v1/hour-claims/" + claim.id()), claim);
        });
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listHourClaims", summary = "List claims, newest first: a volunteer's own, staff's regions, or all (admin)",
            description = "Filters: status, regionId (the region's whole subtree), volunteerId, activityId; from, to (RFC 3339): "
                    + "the claims whose service started in [from, to), e.g. the Shanghai days from one midnight to the "
                    + "midnight after another. A malformed from or to, or a to not after from, is a 400 INVALID_PARAMETER "
                    + "naming it.")
    public Page<ClaimView> list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = ClaimReview.Status.class)) String status,
            @QueryParam("regionId") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String regionId,
            @QueryParam("volunteerId") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String volunteerId,
            @QueryParam("activityId") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String activityId,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                    example = "2026-11-01T00:00:00+08:00") String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"),
                    example = "2026-12-01T00:00:00+08:00") String to,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        Paging paging = Paging.of(limit, cursor);
        HourClaimQueries.Filter filter = new HourClaimQueries.Filter(
                QueryParams.oneOf(ClaimReview.Status.class, "status", status), QueryParams.id("regionId", regionId),
                QueryParams.id("volunteerId", volunteerId), QueryParams.id("activityId", activityId),
                QueryParams.time("from", from), QueryParams.time("to", to));
        if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
            throw ApiException.badRequest("INVALID_PARAMETER", "to");
        }
        return tx.inNew(() -> queries.list(caller, filter, paging).map(ClaimView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getHourClaim", summary = "Read a claim (its volunteer, staff in scope, admin)")
    public ClaimView get(@PathParam("id") long id) {
        return tx.inNew(() -> ClaimView.of(claims.visible(caller, id, false)));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "decideHourClaim", summary = "Approve or reject a claim (staff serving its community; never one's own hours)",
            description = "Approval posts one journal transaction: minutes to the volunteer's HOURS account and points to "
                    + "the POINTS wallet, from the community (its budget when it has one), under the conversion rules in "
                    + "force when the service started. A claim longer than timebank.hours.second-review-above-minutes "
                    + "needs a second approval by another staff member before anything is posted. A reason is required "
                    + "to reject.")
    @APIResponse(responseCode = "200", description = "Decided (or awaiting its second review)",
            content = @Content(schema = @Schema(implementation = ClaimView.class)))
    @APIResponse(responseCode = "403", description = "OWN_CLAIM; FORBIDDEN for an admin, who audits but does not decide")
    @APIResponse(responseCode = "404", description = "CLAIM_NOT_FOUND (also outside the caller's regions)")
    @APIResponse(responseCode = "409", description = "CLAIM_ALREADY_DECIDED, SECOND_REVIEWER_REQUIRED")
    @APIResponse(responseCode = "422", description = "NO_CONVERSION_RULE, BUDGET_EXHAUSTED, HOURS_CAP_REACHED, CLAIM_BELOW_GRANULARITY")
    @Idempotent
    public Response decide(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                           @Valid @NotNull DecisionRequest request) {
        requireStaff();
        return idempotency.write(idempotencyKey, request,
                () -> Idempotency.Outcome.ok(ClaimView.of(claims.decide(caller, id, request.decision(), request.reason()))));
    }

    @POST
    @Path("/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "decideHourClaims", summary = "Decide many claims at once (staff)",
            description = "Each decision is taken on its own, in order, with the rules of the single decision; one that "
                    + "fails does not stop the others. The response lists every outcome: the claim, or the problem "
                    + "(status, code, detail) it met.")
    @APIResponse(responseCode = "200", description = "Every outcome",
            content = @Content(schema = @Schema(implementation = BatchResults.class)))
    @Idempotent
    public Response decideMany(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context HttpHeaders headers,
                               @Valid @NotNull BatchRequest request) {
        requireStaff();
        Locale locale = Messages.localeOf(headers);
        return idempotency.write(idempotencyKey, request, () -> {
            List<BatchResult> results = new ArrayList<>();
            for (BatchItem item : request.decisions()) {
                results.add(decideOne(item, locale));
            }
            int ok = (int) results.stream().filter(r -> r.status() == 200).count();
            return Idempotency.Outcome.ok(new BatchResults(results, ok, results.size() - ok));
        });
    }

    private BatchResult decideOne(BatchItem item, Locale locale) {
        try {
            ClaimView claim = tx.inNew(() -> ClaimView.of(claims.decide(caller, item.claimId(), item.decision(),
                    item.reason())));
            return new BatchResult(item.claimId(), 200, claim, null, null);
        } catch (RuntimeException e) {
            ApiException problem = SqlErrors.problemOf(e);
            if (problem == null) {
                throw e;
            }
            return new BatchResult(item.claimId(), problem.status(), null, problem.code(),
                    Messages.format(locale, problem.code(), problem.args()));
        }
    }

    @POST
    @Path("/{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "reverseHourClaim", summary = "Undo an approved claim (staff in scope, admin)",
            description = "Posts a transaction reversing the approval, pointing at it, at most once. What the volunteer "
                    + "still holds is taken back; what was already spent or given away is recorded as a debt that future "
                    + "earnings repay first. A wallet never goes negative.")
    @APIResponse(responseCode = "200", description = "Reversed",
            content = @Content(schema = @Schema(implementation = ReversalView.class)))
    @APIResponse(responseCode = "409", description = "CLAIM_NOT_APPROVED, CLAIM_ALREADY_REVERSED")
    @Idempotent
    public Response reverse(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                            @Valid @NotNull ReversalRequest request) {
        return idempotency.write(idempotencyKey, request,
                () -> Idempotency.Outcome.ok(ReversalView.of(claims.reverse(caller, id, request.reason()))));
    }

    /** Admins may call these (and be told why not): decisions belong to staff serving the community. */
    private void requireStaff() {
        if (!caller.is(Roles.STAFF)) {
            throw ApiException.forbidden("FORBIDDEN").explainedBy("DECISIONS_BY_STAFF_ONLY");
        }
    }
}

package org.timebank.servicerequest.api;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.QueryParams;
import org.timebank.common.Roles;
import org.timebank.common.Tx;
import org.timebank.security.Caller;
import org.timebank.servicerequest.ServiceRequestService;
import org.timebank.servicerequest.domain.RequestStatus;
import org.timebank.servicerequest.api.ServiceRequestViews.CompletionRequest;
import org.timebank.servicerequest.api.ServiceRequestViews.CreateRequest;
import org.timebank.servicerequest.api.ServiceRequestViews.DisputeRequest;
import org.timebank.servicerequest.api.ServiceRequestViews.ReasonRequest;
import org.timebank.servicerequest.api.ServiceRequestViews.ResolutionRequest;
import org.timebank.servicerequest.api.ServiceRequestViews.ServiceRequestView;

@Path("/api/v1/service-requests")
@Tag(name = "Service requests", description = "Residents spend stored hours on services volunteers give (供需对接)")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceRequestResource {
    private static final String NOT_FOUND = "SERVICE_REQUEST_NOT_FOUND (also when the caller may not see it)";

    @Inject
    ServiceRequestService requests;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "createServiceRequest", summary = "Post a need (a resident for themself; staff on behalf of "
            + "a resident of a community they serve)",
            description = "The category must be one the community's service rules offer. Who pays: SELF (the "
                    + "requester's stored hours), FAMILY (a linked family member's, payerVolunteerId, within their "
                    + "consent) or COMMUNITY_POOL (staff serving the community only, with payerReason). Nothing is held "
                    + "until a volunteer accepts.")
    @APIResponse(responseCode = "201", description = "Posted, OPEN",
            content = @Content(schema = @Schema(implementation = ServiceRequestView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN (a volunteer posting for another), NOT_IN_SCOPE, "
            + "POOL_PAYER_STAFF_ONLY")
    @APIResponse(responseCode = "422", description = "VOLUNTEER_NOT_FOUND, REGION_NOT_FOUND, NOT_A_COMMUNITY, "
            + "SERVICE_CATEGORY_NOT_OFFERED, SERVICE_WINDOW_INVALID, SERVICE_WINDOW_PAST, FAMILY_LINK_REQUIRED, "
            + "FAMILY_PAYER_IS_REQUESTER")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull CreateRequest request) {
        return idempotency.write(idempotencyKey, request, () -> {
            ServiceRequestView r = ServiceRequestView.of(requests.create(caller, request.command()));
            return Idempotency.Outcome.created(URI.create("/api/v1/service-requests/" + r.id()), r);
        });
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listServiceRequests", summary = "List service requests, newest first",
            description = "A volunteer sees OPEN requests (the needs they may take) and their own, as requester, payer "
                    + "or provider; staff the requests of the regions they serve; admins all. Filters: regionId (its "
                    + "subtree), status, category, escalated; from, to (RFC 3339): windows overlapping [from, to). "
                    + "For volunteers: relation=REQUESTER (my requests), PROVIDER (my accepted tasks), PAYER; "
                    + "near=COMMUNITY or STREET (needs in my home community or street); matching=true (needs fitting my "
                    + "skills and availability, see /api/v1/volunteers/{id}/service-profile).")
    public Page<ServiceRequestView> list(
            @QueryParam("regionId") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) String regionId,
            @QueryParam("status") @Parameter(schema = @Schema(implementation = RequestStatus.class)) String status,
            @QueryParam("category") String category,
            @QueryParam("relation") @Parameter(schema = @Schema(implementation = ServiceRequestService.Relation.class))
            String relation,
            @QueryParam("near") @Parameter(schema = @Schema(implementation = ServiceRequestService.Near.class)) String near,
            @QueryParam("matching") @Parameter(description = "volunteers: only needs in a category of their skills, "
                    + "starting in one of their weekly slots (where they set any)",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String matching,
            @QueryParam("escalated") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String escalated,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        Paging paging = Paging.of(limit, cursor);
        if (category != null && !category.isEmpty() && !category.matches(ServiceRequestViews.CATEGORY)) {
            throw ApiException.badRequest("INVALID_PARAMETER", "category");
        }
        Boolean isEscalated = bool("escalated", escalated);
        boolean isMatching = Boolean.TRUE.equals(bool("matching", matching));
        ServiceRequestService.Filter filter = new ServiceRequestService.Filter(QueryParams.id("regionId", regionId),
                QueryParams.oneOf(RequestStatus.class, "status", status),
                category == null || category.isEmpty() ? null : category,
                QueryParams.oneOf(ServiceRequestService.Relation.class, "relation", relation),
                QueryParams.oneOf(ServiceRequestService.Near.class, "near", near), isMatching, isEscalated,
                QueryParams.time("from", from), QueryParams.time("to", to));
        if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
            throw ApiException.badRequest("INVALID_PARAMETER", "to");
        }
        return tx.inNew(() -> requests.list(caller, filter, paging).map(ServiceRequestView::of));
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.badRequest("INVALID_PARAMETER", name);
        }
        return Boolean.valueOf(value);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getServiceRequest", summary = "Read a service request (any volunteer while OPEN; its "
            + "requester, payer and provider; staff in scope; admin)")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(schema = @Schema(implementation = ServiceRequestView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public ServiceRequestView get(@PathParam("id") long id) {
        return ServiceRequestView.of(tx.inNew(() -> requests.visible(caller, id)));
    }

    @POST
    @Path("/{id}/acceptance")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "acceptServiceRequest", summary = "Take an OPEN request (a volunteer, never the requester "
            + "or the payer)",
            description = "Exactly one of many simultaneous acceptances wins. The payer's expected minutes are held on "
                    + "the ledger (their HOURS wallet, or the community's pool) until the request is confirmed, "
                    + "resolved, cancelled or recorded as a no-show; the hold lasts until "
                    + "timebank.service-requests.hold-after-window past the window. The region's rule in force now "
                    + "(BANK or MUTUAL_AID) decides where the hours go and is kept on the request. Requires an "
                    + "Idempotency-Key: it holds hours.")
    @APIResponse(responseCode = "200", description = "Accepted",
            content = @Content(schema = @Schema(implementation = ServiceRequestView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "SERVICE_REQUEST_NOT_OPEN (taken, cancelled or ended)")
    @APIResponse(responseCode = "422", description = "SERVICE_REQUEST_OWN, INSUFFICIENT_HOURS (the payer's wallet or "
            + "the pool cannot cover the expected minutes), FAMILY_LINK_REQUIRED, FAMILY_MONTHLY_LIMIT_EXCEEDED")
    @Idempotent(keyRequired = true)
    public Response accept(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id) {
        return idempotency.write(idempotencyKey, null,
                () -> Idempotency.Outcome.ok(ServiceRequestView.of(requests.accept(caller, id))));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "cancelServiceRequest", summary = "Cancel a request (OPEN: its requester or staff, freely; "
            + "accepted: the requester, the provider or staff, with a reason; the hold is released)")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = ServiceRequestView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "SERVICE_REQUEST_NOT_CANCELLABLE, SERVICE_HOLD_EXPIRED")
    @APIResponse(responseCode = "422", description = "REASON_REQUIRED")
    @Idempotent
    public Response cancel(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                           @Valid ReasonRequest request) {
        ReasonRequest body = request == null ? new ReasonRequest(null) : request;
        return idempotency.write(idempotencyKey, body,
                () -> Idempotency.Outcome.ok(ServiceRequestView.of(requests.cancel(caller, id, body.reason()))));
    }

    @POST
    @Path("/{id}/no-show")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "recordServiceRequestNoShow", summary = "Record a no-show on an accepted request",
            description = "Recorded by the requester or staff, the provider did not come; by the provider, the "
                    + "requester was not there. The hold is released; nothing is posted.")
    @APIResponse(responseCode = "200", description = "Recorded",
            content = @Content(schema = @Schema(implementation = ServiceRequestView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "SERVICE_REQUEST_NOT_ACCEPTED, SERVICE_HOLD_EXPIRED")
    @Idempotent
    public Response noShow(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                           @Valid ReasonRequest request) {
        ReasonRequest body = request == null ? new ReasonRequest(null) : request;
        return idempotency.write(idempotencyKey, body,
                () -> Idempotency.Outcome.ok(ServiceRequestView.of(requests.noShow(caller, id, body.reason()))));
    }

    @POST
    @Path("/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "reportServiceRequestCompletion", summary = "Report the minutes served (the provider)",
            description = "At most the expected minutes held. Nothing is posted until the requester or staff confirm.")
    @APIResponse(responseCode = "200", description = "Reported, COMPLETED",
            content = @Content(schema = @Schema(implementation = ServiceRequestView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN (not its provider)")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "SERVICE_REQUEST_NOT_ACCEPTED, SERVICE_HOLD_EXPIRED")
    @APIResponse(responseCode = "422", description = "MINUTES_SERVED_INVALID")
    @Idempotent
    public Response complete(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                             @Valid @NotNull CompletionRequest request) {
        return idempotency.write(idempotencyKey, request, () -> Idempotency.Outcome.ok(ServiceRequestView.of(
                requests.reportCompletion(caller, id, request.minutesServed()))));
    }

    @POST
    @Path("/{id}/confirmation")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "confirmServiceRequest", summary = "Confirm the service (the requester, or staff on their "
            + "behalf; never the provider)",
            description = "Posts the minutes served from the hold, the rest released (one HOLD_POST transaction whose "
                    + "memo names the rule). BANK: the hours are consumed into the community's withdrawn-hours account "
                    + "and the provider earns hours and points as for an approved claim (an APPROVAL of a claim "
                    + "recorded for the service, under the conversion rules, budget and cap). MUTUAL_AID: the hours "
                    + "move to the provider's wallet. Requires an Idempotency-Key: it moves hours.")
    @APIResponse(responseCode = "200", description = "Confirmed",
            content = @Content(schema = @Schema(implementation = ServiceRequestView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "SERVICE_REQUEST_NOT_COMPLETED, SERVICE_HOLD_EXPIRED, "
            + "CLAIM_OVERLAPS (BANK: the provider's claim would overlap another)")
    @APIResponse(responseCode = "422", description = "BANK: NO_CONVERSION_RULE, BUDGET_EXHAUSTED, HOURS_CAP_REACHED")
    @Idempotent(keyRequired = true)
    public Response confirm(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id) {
        return idempotency.write(idempotencyKey, null,
                () -> Idempotency.Outcome.ok(ServiceRequestView.of(requests.confirm(caller, id))));
    }

    @POST
    @Path("/{id}/dispute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "disputeServiceRequest", summary = "Dispute an accepted request (its requester, payer or "
            + "provider), for staff serving the community to resolve")
    @APIResponse(responseCode = "200", description = "DISPUTED",
            content = @Content(schema = @Schema(implementation = ServiceRequestView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "SERVICE_REQUEST_NOT_DISPUTABLE, SERVICE_HOLD_EXPIRED")
    @Idempotent
    public Response dispute(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                            @Valid @NotNull DisputeRequest request) {
        return idempotency.write(idempotencyKey, request,
                () -> Idempotency.Outcome.ok(ServiceRequestView.of(requests.dispute(caller, id, request.reason()))));
    }

    @POST
    @Path("/{id}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "resolveServiceRequest", summary = "Resolve a disputed or escalated request (staff serving "
            + "its community who are not a side of it, admin)",
            description = "POST_FULL posts the expected minutes, POST_PART the given minutes (the rest released), VOID "
                    + "releases the hold. A posting settles under the request's rule, as a confirmation does. Requires "
                    + "an Idempotency-Key: it moves or releases hours.")
    @APIResponse(responseCode = "200", description = "RESOLVED",
            content = @Content(schema = @Schema(implementation = ServiceRequestView.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "SERVICE_REQUEST_NOT_RESOLVABLE, SERVICE_HOLD_EXPIRED")
    @APIResponse(responseCode = "422", description = "MINUTES_SERVED_INVALID, and as for a confirmation")
    @Idempotent(keyRequired = true)
    public Response resolve(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                            @Valid @NotNull ResolutionRequest request) {
        return idempotency.write(idempotencyKey, request, () -> Idempotency.Outcome.ok(ServiceRequestView.of(
                requests.resolve(caller, id, request.decision(), request.minutes(), request.reason()))));
    }

}

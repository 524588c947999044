package org.timebank.servicerequest.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.Roles;
import org.timebank.common.Tx;
import org.timebank.security.Caller;
import org.timebank.servicerequest.ServiceRequestService;
import org.timebank.servicerequest.api.ServiceRequestViews.EligibilityView;
import org.timebank.servicerequest.api.ServiceRequestViews.PutEligibility;

/** Staff's approval of a resident's need, where a region's service rules ask for one. */
@Path("/api/v1/volunteers/{id}/service-eligibility")
@Tag(name = "Service requests")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceEligibilityResource {
    @Inject
    ServiceRequestService requests;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getServiceEligibility", summary = "Whether staff approved the volunteer's need (themself, staff in scope, admin)")
    @APIResponse(responseCode = "200", description = "The approval", content = @Content(schema = @Schema(implementation = EligibilityView.class)))
    @APIResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND (also when not visible to the caller)")
    public EligibilityView get(@PathParam("id") long id) {
        return EligibilityView.of(id, tx.inNew(() -> requests.needApproval(caller, id)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "setServiceEligibility", summary = "Approve or withdraw a resident's need (staff serving their home community, never for themself)",
            description = "Where a region's service rules set approvedNeedRequired, only residents with an approved "
                    + "need may post service requests (SERVICE_NEED_NOT_APPROVED otherwise).")
    @APIResponse(responseCode = "200", description = "The approval now", content = @Content(schema = @Schema(implementation = EligibilityView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN (one's own need)")
    @APIResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND (also when not in scope)")
    @APIResponse(responseCode = "422", description = "REASON_REQUIRED")
    @Idempotent
    public Response put(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                        @Valid @NotNull PutEligibility request) {
        return idempotency.write(idempotencyKey, request, () -> Idempotency.Outcome.ok(EligibilityView.of(id,
                requests.setNeedApproval(caller, id, request.approved(), request.reason()))));
    }
}

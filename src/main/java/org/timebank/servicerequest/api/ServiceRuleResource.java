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
import org.timebank.common.RegionRuleResource;
import org.timebank.common.Roles;
import org.timebank.security.Caller;
import org.timebank.servicerequest.ServiceRuleService;
import org.timebank.servicerequest.api.ServiceRequestViews.PutServiceRules;
import org.timebank.servicerequest.api.ServiceRequestViews.ServiceRulesView;

/** How a region's withdrawals of stored hours settle, and the categories of service it offers. */
@Path("/api/v1/regions/{id}/service-rules")
@Tag(name = "Service requests")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceRuleResource extends RegionRuleResource<ServiceRulesView, PutServiceRules> {
    @Inject
    ServiceRuleService rules;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getServiceRules", summary = "The service rules in force for a region (anyone signed in)")
    @APIResponse(responseCode = "200", description = "The rules in force",
            content = @Content(schema = @Schema(implementation = ServiceRulesView.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND")
    public ServiceRulesView get(@PathParam("id") long id) {
        return read(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setServiceRules", summary = "Set a region's service rules (admin)",
            description = "Applies to the region's subtree where no nearer region sets its own; applies to requests "
                    + "accepted from now on (an accepted request keeps the rule it was accepted under). BANK: the payer's "
                    + "hours are consumed into the community's withdrawn-hours account and the provider earns as for an "
                    + "approved claim; MUTUAL_AID: the payer's hours move to the provider.")
    @APIResponse(responseCode = "200", description = "The rules now in force",
            content = @Content(schema = @Schema(implementation = ServiceRulesView.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND")
    @Idempotent
    public Response put(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                        @Valid @NotNull PutServiceRules request) {
        return write(idempotencyKey, id, request);
    }

    @Override
    protected ServiceRulesView inForce(long regionId) {
        return ServiceRulesView.of(rules.get(regionId));
    }

    @Override
    protected ServiceRulesView set(long regionId, PutServiceRules request) {
        return ServiceRulesView.of(rules.put(regionId, request.settlement(), request.categories(), request.minStoredMinutes(),
                Boolean.TRUE.equals(request.approvedNeedRequired()), caller.subject()));
    }
}

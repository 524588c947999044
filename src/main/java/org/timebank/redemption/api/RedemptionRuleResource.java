package org.timebank.redemption.api;

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
import org.timebank.redemption.RedemptionRuleService;
import org.timebank.redemption.api.RedemptionRuleViews.PutRedemptionRule;
import org.timebank.redemption.api.RedemptionRuleViews.RedemptionRuleView;

/** The minimum of confirmed service before a region's volunteers may redeem points. */
@Path("/api/v1/regions/{id}/redemption-rules")
@Tag(name = "Shops and redemption")
@Produces(MediaType.APPLICATION_JSON)
public class RedemptionRuleResource extends RegionRuleResource<RedemptionRuleView, PutRedemptionRule> {
    @Inject
    RedemptionRuleService rules;

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getRedemptionRule", summary = "The minimum of confirmed service before redeeming, in force for a region (anyone signed in)")
    public RedemptionRuleView get(@PathParam("id") long id) {
        return read(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setRedemptionRule", summary = "Set a region's minimum of confirmed service before redeeming (admin)",
            description = "Applies to volunteers whose home community is in the region and has no nearer rule; "
                    + "a null minimum lifts one inherited from above. A redemption below it is refused with "
                    + "REDEMPTION_THRESHOLD_NOT_MET.")
    @APIResponse(responseCode = "200", description = "The rule now in force",
            content = @Content(schema = @Schema(implementation = RedemptionRuleView.class)))
    @Idempotent
    public Response put(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                        @Valid @NotNull PutRedemptionRule request) {
        return write(idempotencyKey, id, request);
    }

    @Override
    protected RedemptionRuleView inForce(long regionId) {
        return RedemptionRuleView.of(rules.get(regionId));
    }

    @Override
    protected RedemptionRuleView set(long regionId, PutRedemptionRule request) {
        return RedemptionRuleView.of(rules.put(regionId, request.minMinutes()));
    }
}

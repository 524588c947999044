package org.timebank.expiry.api;

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
import org.timebank.expiry.PointsExpiryService;
import org.timebank.expiry.api.ExpiryViews.PointsExpiryView;
import org.timebank.expiry.api.ExpiryViews.PutPointsExpiry;
import org.timebank.security.Caller;

/** A region's points expiry rule. */
@Path("/api/v1/regions/{id}/points-expiry")
@Tag(name = "Points expiry")
@Produces(MediaType.APPLICATION_JSON)
public class PointsExpiryResource extends RegionRuleResource<PointsExpiryView, PutPointsExpiry> {
    @Inject
    PointsExpiryService expiry;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getPointsExpiryRule", summary = "The points expiry rule in force for a region and where it comes from (anyone signed in)")
    public PointsExpiryView get(@PathParam("id") long id) {
        return read(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setPointsExpiryRule", summary = "Set a region's points expiry rule (admin)",
            description = "Points of volunteers whose home community is in the region, and has no nearer rule, expire "
                    + "`months` after they were earned, oldest first. The rule applies at once, to points already earned "
                    + "too: the next expiry run posts what is due as EXPIRY transactions to the breakage account.")
    @APIResponse(responseCode = "200", description = "The rule now in force",
            content = @Content(schema = @Schema(implementation = PointsExpiryView.class)))
    @Idempotent
    public Response put(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                        @Valid @NotNull PutPointsExpiry request) {
        return write(idempotencyKey, id, request);
    }

    @Override
    protected PointsExpiryView inForce(long regionId) {
        return PointsExpiryView.of(expiry.get(regionId));
    }

    @Override
    protected PointsExpiryView set(long regionId, PutPointsExpiry request) {
        return PointsExpiryView.of(expiry.put(regionId, request.months(), caller.subject()));
    }
}

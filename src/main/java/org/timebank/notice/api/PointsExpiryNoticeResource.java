package org.timebank.notice.api;

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
import org.timebank.notice.NoticeSettings;
import org.timebank.notice.api.NoticeViews.ExpiryWarningView;
import org.timebank.notice.api.NoticeViews.PutExpiryWarning;
import org.timebank.security.Caller;

/** How many days before points expire a region's volunteers are warned. */
@Path("/api/v1/regions/{id}/points-expiry-notice")
@Tag(name = "Points expiry")
@Produces(MediaType.APPLICATION_JSON)
public class PointsExpiryNoticeResource extends RegionRuleResource<ExpiryWarningView, PutExpiryWarning> {
    @Inject
    NoticeSettings settings;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getPointsExpiryNoticeRule", summary = "How many days before points expire volunteers of "
            + "a region are warned, and where the rule comes from (anyone signed in)")
    public ExpiryWarningView get(@PathParam("id") long id) {
        return read(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setPointsExpiryNoticeRule", summary = "Set how many days before points expire a region's "
            + "volunteers are warned (admin)",
            description = "Volunteers whose home community is in the region, and has no nearer rule, get a POINTS_EXPIRING "
                    + "notice once per expiry, `days` before it (WeChat, if they subscribed; the region's webhook).")
    @APIResponse(responseCode = "200", description = "The rule now in force",
            content = @Content(schema = @Schema(implementation = ExpiryWarningView.class)))
    @Idempotent
    public Response put(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                        @Valid @NotNull PutExpiryWarning request) {
        return write(idempotencyKey, id, request);
    }

    @Override
    protected ExpiryWarningView inForce(long regionId) {
        return ExpiryWarningView.of(settings.expiryWarning(regionId));
    }

    @Override
    protected ExpiryWarningView set(long regionId, PutExpiryWarning request) {
        return ExpiryWarningView.of(settings.putExpiryWarning(regionId, request.days(), caller.subject()));
    }
}

package org.timebank.servicerequest.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.common.ApiException;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.Roles;
import org.timebank.common.Tx;
import org.timebank.security.Caller;
import org.timebank.servicerequest.ServiceRequestService;
import org.timebank.servicerequest.api.ServiceRequestViews.ProfileView;

/** The resources list of a region: who offers which service, for staff matching needs with people. */
@Path("/api/v1/regions/{id}/service-resources")
@Tag(name = "Service requests")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResourceListResource {
    @Inject
    ServiceRequestService requests;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listServiceResources", summary = "Volunteers homed in a region's subtree and what they offer "
            + "(staff serving the region, admin), by volunteer id",
            description = "Only volunteers who declared at least one skill; category narrows to one skill.")
    @APIResponse(responseCode = "200", description = "One page of the resources list")
    @APIResponse(responseCode = "403", description = "NOT_IN_SCOPE")
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND")
    public Page<ProfileView> resources(@PathParam("id") long regionId, @QueryParam("category") String category,
                                       @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER,
                                               minimum = "1", maximum = "100", defaultValue = "20")) String limit,
                                       @QueryParam("cursor") String cursor) {
        Paging paging = Paging.of(limit, cursor);
        if (category != null && !category.isEmpty() && !category.matches(ServiceRequestViews.CATEGORY)) {
            throw ApiException.badRequest("INVALID_PARAMETER", "category");
        }
        String c = category == null || category.isEmpty() ? null : category;
        return tx.inNew(() -> requests.resources(caller, regionId, c, paging).map(ProfileView::of));
    }
}

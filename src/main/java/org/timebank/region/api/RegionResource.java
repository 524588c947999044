package org.timebank.region.api;

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
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.Page;
import org.timebank.common.Paging;
import org.timebank.common.Roles;
import org.timebank.region.RegionService;

@Path("/api/v1/regions")
@Tag(name = "Regions", description = "The city > district > street > community tree")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {
    @Inject
    RegionService regions;
    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createRegion", summary = "Create a region (admin)",
            description = "A city has no parent; every other level sits directly under the level above it. "
                    + "A community's ledger accounts open when they are first needed.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = RegionView.class)))
    @APIResponse(responseCode = "409", description = "REGION_NAME_EXISTS, REGION_CODE_EXISTS")
    @APIResponse(responseCode = "422", description = "PARENT_REGION_NOT_FOUND, REGION_LEVEL_INVALID")
    @Idempotent
    public Response create(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull CreateRegion request) {
        return idempotency.write(idempotencyKey, request, () -> {
            RegionView created = RegionView.of(regions.create(request.command()));
            return Idempotency.Outcome.created(URI.create("/api/v1/regions/" + created.id()), created);
        });
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "listRootRegions", summary = "List the top of the tree (the cities)")
    public Page<RegionView> roots(
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        return regions.children(null, Paging.of(limit, cursor)).map(RegionView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getRegion", summary = "Read a region (anyone signed in)")
    public RegionView get(@PathParam("id") long id) {
        return RegionView.of(regions.require(id));
    }

    @GET
    @Path("/{id}/children")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "listChildRegions", summary = "List a region's children, by id (anyone signed in)")
    public Page<RegionView> children(@PathParam("id") long id,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor) {
        Paging paging = Paging.of(limit, cursor);
        regions.require(id);
        return regions.children(id, paging).map(RegionView::of);
    }
}

package org.timebank.family.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.timebank.common.Tx;
import org.timebank.family.FamilyLinkService;
import org.timebank.family.api.FamilyLinkViews.LimitRequest;
import org.timebank.family.api.FamilyLinkViews.LinkRequest;
import org.timebank.family.api.FamilyLinkViews.LinkView;
import org.timebank.security.Caller;

@Path("/api/v1/volunteers/{id}/family-links")
@Tag(name = "Family links", description = "Family members whose stored hours may pay for each other's services")
@Produces(MediaType.APPLICATION_JSON)
public class FamilyLinkResource {
    @Inject
    FamilyLinkService links;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "requestFamilyLink", summary = "Name a family member (the volunteer themself); the member confirms")
    @APIResponse(responseCode = "201", description = "PENDING", content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN (not the caller's own)")
    @APIResponse(responseCode = "409", description = "FAMILY_LINK_EXISTS (a pending or confirmed link of the pair)")
    @APIResponse(responseCode = "422", description = "FAMILY_LINK_TO_SELF, VOLUNTEER_NOT_FOUND")
    @Idempotent
    public Response request(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                            @Valid @NotNull LinkRequest request) {
        return idempotency.write(idempotencyKey, request, () -> {
            LinkView link = LinkView.of(links.request(caller, id, request.memberId(), request.relation()));
            return Idempotency.Outcome.created(URI.create("/api/v1/volunteers/" + id + "/family-links"), link);
        });
    }

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "listFamilyLinks", summary = "A volunteer's family links, newest first (themself, staff in scope, admin)")
    @APIResponse(responseCode = "200", description = "One page of links")
    @APIResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND (also when not visible to the caller)")
    public Page<LinkView> list(@PathParam("id") long id,
                               @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                       maximum = "100", defaultValue = "20")) String limit,
                               @QueryParam("cursor") String cursor) {
        Paging paging = Paging.of(limit, cursor);
        return tx.inNew(() -> links.list(caller, id, paging).map(LinkView::of));
    }

    @POST
    @Path("/{linkId}/confirmation")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "confirmFamilyLink", summary = "Confirm a link naming the caller (the member)")
    @APIResponse(responseCode = "200", description = "CONFIRMED", content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN, FAMILY_LINK_CONFIRM_BY_MEMBER")
    @APIResponse(responseCode = "404", description = "FAMILY_LINK_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "FAMILY_LINK_NOT_PENDING")
    @Idempotent
    public Response confirm(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                            @PathParam("linkId") long linkId) {
        return idempotency.write(idempotencyKey, null,
                () -> Idempotency.Outcome.ok(LinkView.of(links.confirm(caller, id, linkId))));
    }

    @POST
    @Path("/{linkId}/removal")
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "removeFamilyLink", summary = "Remove a link (either side); a pending one is withdrawn or declined",
            description = "Requests already accepted with the removed member paying keep their hold; new acceptances "
                    + "are refused.")
    @APIResponse(responseCode = "200", description = "REMOVED", content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN")
    @APIResponse(responseCode = "404", description = "FAMILY_LINK_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "FAMILY_LINK_REMOVED")
    @Idempotent
    public Response remove(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                           @PathParam("linkId") long linkId) {
        return idempotency.write(idempotencyKey, null,
                () -> Idempotency.Outcome.ok(LinkView.of(links.remove(caller, id, linkId))));
    }

    @PUT
    @Path("/{linkId}/payment-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "setFamilyPaymentLimit", summary = "Limit what the caller's hours pay for the other side each month",
            description = "Counted per calendar month (Asia/Shanghai) over the requests the caller pays for: held and "
                    + "posted minutes. An acceptance past the limit is refused with FAMILY_MONTHLY_LIMIT_EXCEEDED.")
    @APIResponse(responseCode = "200", description = "The link", content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN")
    @APIResponse(responseCode = "404", description = "FAMILY_LINK_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "FAMILY_LINK_REMOVED")
    @Idempotent
    public Response setLimit(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                             @PathParam("linkId") long linkId, @Valid @NotNull LimitRequest request) {
        return idempotency.write(idempotencyKey, request, () -> Idempotency.Outcome.ok(
                LinkView.of(links.setLimit(caller, id, linkId, request.monthlyMinutes()))));
    }
}

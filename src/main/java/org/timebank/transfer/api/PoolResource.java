package org.timebank.transfer.api;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.timebank.transfer.TransferService;
import org.timebank.transfer.api.TransferViews.GrantRequest;
import org.timebank.transfer.api.TransferViews.GrantView;
import org.timebank.transfer.api.TransferViews.PoolView;
import org.timebank.transfer.api.TransferViews.PutTransferRules;
import org.timebank.transfer.api.TransferViews.TransferRulesView;

/** A community's pool, the grants staff make from it, and a region's transfer rules. */
@Path("/api/v1/regions/{id}")
@Tag(name = "Transfers")
@Produces(MediaType.APPLICATION_JSON)
public class PoolResource {
    @Inject
    TransferService transfers;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;
    @Inject
    Tx tx;

    @GET
    @Path("/pool")
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "getPool", summary = "What a community's pool holds (staff serving it, admin)")
    @APIResponse(responseCode = "200", description = "The pool",
            content = @Content(schema = @Schema(implementation = PoolView.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND (also outside the caller's regions)")
    @APIResponse(responseCode = "422", description = "NOT_A_COMMUNITY")
    public PoolView pool(@PathParam("id") long id) {
        return tx.inNew(() -> PoolView.of(transfers.pool(caller, id)));
    }

    @POST
    @Path("/pool-grants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(operationId = "grantFromPool", summary = "Grant points or hours from a community's pool to a volunteer (staff serving the community, "
            + "never to themselves; Idempotency-Key required)",
            description = "Posts one GRANT transaction pool -> the volunteer's wallet, with the reason as its memo. "
                    + "The pool cannot be overdrawn. The volunteer must be one the caller may see (their home community "
                    + "is among the regions the caller serves); any other is VOLUNTEER_NOT_FOUND, as an unknown id is.")
    @APIResponse(responseCode = "201", description = "Granted",
            content = @Content(schema = @Schema(implementation = GrantView.class)))
    @APIResponse(responseCode = "403", description = "NOT_IN_SCOPE, GRANT_TO_SELF")
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "POOL_INSUFFICIENT, VOLUNTEER_NOT_FOUND, NOT_A_COMMUNITY, "
            + "IDEMPOTENCY_KEY_REUSED")
    @Idempotent(keyRequired = true)
    public Response grant(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                          @Valid @NotNull GrantRequest request) {
        return idempotency.write(idempotencyKey, request,
                () -> Idempotency.Outcome.created(URI.create("/api/v1/regions/" + id + "/pool"),
                        GrantView.of(transfers.grant(caller, id, request.command()))));
    }

    @GET
    @Path("/transfer-rules")
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getTransferRules", summary = "The transfer rules in force for a region (anyone signed in)")
    public TransferRulesView rules(@PathParam("id") long id) {
        return tx.inNew(() -> TransferRulesView.of(transfers.rules(id)));
    }

    @PUT
    @Path("/transfer-rules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setTransferRules", summary = "Set a region's transfer rules (admin)",
            description = "They apply to volunteers whose home community is the region or below it, unless a region "
                    + "nearer to the community has rules of its own. Without rules, hours cannot be gifted.")
    @APIResponse(responseCode = "200", description = "The rules now in force for the region",
            content = @Content(schema = @Schema(implementation = TransferRulesView.class)))
    @Idempotent
    public Response putRules(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                             @Valid @NotNull PutTransferRules request) {
        return idempotency.write(idempotencyKey, request,
                () -> Idempotency.Outcome.ok(TransferRulesView.of(transfers.putRules(id, request.hoursGiftsAllowed(),
                        Boolean.TRUE.equals(request.hoursGiftsFamilyOnly())))));
    }
}

package org.timebank.transfer.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.timebank.security.Caller;
import org.timebank.transfer.TransferService;
import org.timebank.transfer.api.TransferViews.TransferRequest;
import org.timebank.transfer.api.TransferViews.TransferView;

@Path("/api/v1/transfers")
@Tag(name = "Transfers", description = "Gifts between volunteers, donations to a community's pool, and grants from it")
@Produces(MediaType.APPLICATION_JSON)
public class TransferResource {
    @Inject
    TransferService transfers;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "createTransfer", summary = "Gift to another volunteer or donate to a community's pool (the volunteer, from their own "
            + "wallet; Idempotency-Key required)",
            description = "A GIFT moves points (or, where the sender's home community's transfer rules allow it, hours "
                    + "in minutes) from the caller's wallet to toVolunteerId's. Gifts are limited per sender and calendar "
                    + "day (Asia/Shanghai) by timebank.transfers.daily-gift-limit-points and -minutes. A DONATION moves "
                    + "them to the pool of communityId (default: the caller's home community), from which its staff make "
                    + "grants. A wallet is never overdrawn: without the balance nothing moves.")
    @APIResponse(responseCode = "201", description = "Transferred",
            content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "422", description = "TRANSFER_TO_SELF, VOLUNTEER_NOT_FOUND, HOURS_GIFTS_NOT_ALLOWED, "
            + "DAILY_GIFT_LIMIT_EXCEEDED, INSUFFICIENT_POINTS, INSUFFICIENT_HOURS, REGION_NOT_FOUND, NOT_A_COMMUNITY, "
            + "IDEMPOTENCY_KEY_REUSED")
    @Idempotent(keyRequired = true)
    public Response transfer(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull TransferRequest request) {
        return idempotency.write(idempotencyKey, request,
                () -> Idempotency.Outcome.created(null, TransferView.of(transfers.transfer(caller, request.command()))));
    }
}

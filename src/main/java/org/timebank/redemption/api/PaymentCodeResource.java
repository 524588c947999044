package org.timebank.redemption.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
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
import org.timebank.common.Roles;
import org.timebank.redemption.RedemptionService;
import org.timebank.redemption.api.RedemptionViews.PaymentCodeView;
import org.timebank.security.Caller;

@Path("/api/v1/volunteers/{id}/payment-codes")
@Tag(name = "Redemptions")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentCodeResource {
    @Inject
    RedemptionService redemptions;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.VOLUNTEER)
    @Operation(operationId = "issuePaymentCode", summary = "A one-time payment code to show at a shop (the volunteer themself)",
            description = "20 characters of Crockford base32, valid for timebank.redemption.payment-code-ttl, usable once. "
                    + "The service keeps only a keyed hash of it. No Idempotency-Key: a replay would have to store the "
                    + "code in clear, and a retry simply gets a fresh code while the lost one expires unused.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(schema = @Schema(implementation = PaymentCodeView.class)))
    @APIResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND")
    public Response issue(@PathParam("id") long id) {
        // deliberately without a key: see the description
        return idempotency.writeWithoutKey(
                () -> Idempotency.Outcome.created(URI.create("/api/v1/volunteers/" + id + "/payment-codes"),
                        PaymentCodeView.of(redemptions.issuePaymentCode(caller, id))));
    }
}

package org.timebank.auth.api;

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
import org.timebank.auth.SignInService;
import org.timebank.auth.api.SignInViews.PutSelfRegistration;
import org.timebank.auth.api.SignInViews.SelfRegistrationView;
import org.timebank.common.Idempotency;
import org.timebank.common.Idempotent;
import org.timebank.common.Roles;
import org.timebank.security.Caller;

@Path("/api/v1/regions/{id}/self-registration")
@Tag(name = "Sign-in")
@Produces(MediaType.APPLICATION_JSON)
public class SelfRegistrationResource {
    @Inject
    SignInService signIn;
    @Inject
    Idempotency idempotency;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.VOLUNTEER, Roles.STAFF, Roles.SHOP, Roles.ADMIN})
    @Operation(operationId = "getSelfRegistrationRule",
            summary = "Whether residents may register themselves in a region (anyone signed in)",
            description = "The rule of the nearest region on the path up to the city; without one, closed.")
    @APIResponse(responseCode = "200", description = "The rule in force for the region",
            content = @Content(schema = @Schema(implementation = SelfRegistrationView.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND")
    public SelfRegistrationView get(@PathParam("id") long id) {
        return SelfRegistrationView.of(signIn.selfRegistration(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setSelfRegistrationRule",
            summary = "Open or close self-registration from the mini-program for a region's subtree (admin)",
            description = "Applies to the region's communities unless a region nearer to them has a rule of its own.")
    @APIResponse(responseCode = "200", description = "The rule now in force for the region",
            content = @Content(schema = @Schema(implementation = SelfRegistrationView.class)))
    @APIResponse(responseCode = "404", description = "REGION_NOT_FOUND")
    @Idempotent
    public Response put(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @PathParam("id") long id,
                        @Valid @NotNull PutSelfRegistration request) {
        return idempotency.write(idempotencyKey, request, () -> Idempotency.Outcome.ok(
                SelfRegistrationView.of(signIn.setSelfRegistration(caller, id, request.allowed()))));
    }
}

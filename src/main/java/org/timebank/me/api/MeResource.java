package org.timebank.me.api;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.me.MeService;
import org.timebank.me.api.MeViews.MeView;
import org.timebank.security.Caller;

@Path("/api/v1/me")
@Tag(name = "Me", description = "Who the caller is")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    MeService me;
    @Inject
    Caller caller;

    @GET
    @Authenticated
    @Operation(operationId = "getMe", summary = "Who the caller is (anyone signed in): the first call of every client",
            description = "The token's subject and known groups; for a volunteer their id, name, home community and "
                    + "balance (as GET /volunteers/{id}/balance); for staff the regions they serve; for a shop "
                    + "operator their shop.")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no valid bearer token; "
            + "CALLER_VOLUNTEER_UNKNOWN: a volunteer token whose subject is no volunteer of this service; "
            + "CALLER_SHOP_UNKNOWN: a shop operator's token that names no shop of this service. Sign in again.")
    @APIResponse(responseCode = "200", description = "Who the caller is")
    public MeView get() {
        return MeView.of(me.of(caller));
    }
}

package org.timebank.auth.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.auth.SignInService;
import org.timebank.common.Roles;
import org.timebank.security.Caller;

@Path("/api/v1/volunteers/{id}/wechat-binding")
@Tag(name = "Sign-in")
@Produces(MediaType.APPLICATION_JSON)
public class WechatBindingResource {
    @Inject
    SignInService signIn;
    @Inject
    Caller caller;

    @DELETE
    @RolesAllowed({Roles.STAFF, Roles.ADMIN})
    @Operation(operationId = "deleteWechatBinding",
            summary = "Unbind a volunteer's WeChat account (staff serving their home community, admin)",
            description = "The WeChat user can then bind again, to this or another volunteer. The volunteer's "
                    + "refresh tokens end at once; an access token already issued lives out its few minutes. Audited.")
    @APIResponse(responseCode = "204", description = "Unbound")
    @APIResponse(responseCode = "404", description = "VOLUNTEER_NOT_FOUND (or not in the caller's scope); "
            + "WECHAT_BINDING_NOT_FOUND: the volunteer has no WeChat account bound")
    public void unbind(@PathParam("id") long id) {
        signIn.unbind(caller, id);
    }
}

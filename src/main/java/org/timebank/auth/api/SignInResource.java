package org.timebank.auth.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.timebank.auth.SignInService;
import org.timebank.auth.api.SignInViews.RefreshRequest;
import org.timebank.auth.api.SignInViews.SignInView;
import org.timebank.auth.api.SignInViews.WechatBindingRequest;
import org.timebank.auth.api.SignInViews.WechatRegistrationRequest;
import org.timebank.auth.api.SignInViews.WechatSessionRequest;

/**
 * Volunteers sign in from the WeChat mini-program. No bearer token: the wx.login code, the refresh
 * token or the binding ticket is the credential. Each is spent by its call, so a retry cannot apply
 * twice and these calls take no Idempotency-Key.
 */
@Path("/api/v1/auth")
@Tag(name = "Sign-in", description = "Volunteers: WeChat mini-program login, token renewal, binding")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class SignInResource {
    @Inject
    SignInService signIn;

    @POST
    @Path("/wechat/session")
    @Operation(operationId = "createWechatSession", summary = "Sign a volunteer in with the code of wx.login",
            description = "The service exchanges the code with WeChat (jscode2session) for the user's openid. Bound to a "
                    + "volunteer: SIGNED_IN, with a short-lived access token of this service (RS256, `groups` "
                    + "[volunteer], `sub` the volunteer id) and a refresh token. Bound to nobody: UNBOUND, with a "
                    + "ticket for POST /auth/wechat/bindings. WeChat busy is retried; WeChat unreachable or slow is "
                    + "503 WECHAT_UNAVAILABLE with Retry-After, never a 500.")
    @APIResponse(responseCode = "200", description = "Signed in, or bound to nobody yet")
    @APIResponse(responseCode = "400", description = "WECHAT_CODE_INVALID: the code is invalid, expired or used "
            + "(WeChat 40029, 40163): call wx.login again; VALIDATION_FAILED")
    @APIResponse(responseCode = "403", description = "WECHAT_USER_BLOCKED: WeChat refuses this user as risky (40226)")
    @APIResponse(responseCode = "429", description = "WECHAT_RATE_LIMITED: WeChat's rate limit (45011); try after "
            + "Retry-After seconds")
    @APIResponse(responseCode = "503", description = "WECHAT_UNAVAILABLE: WeChat busy, unreachable or too slow; try "
            + "after Retry-After seconds")
    public SignInView session(@Valid @NotNull WechatSessionRequest request) {
        return SignInView.of(signIn.session(request.code()));
    }

    @POST
    @Path("/refresh")
    @Operation(operationId = "refreshToken", summary = "Renew a volunteer's access token with the refresh token",
            description = "The refresh token is spent, and the answer carries a new one (rotation). A refresh token "
                    + "used twice ends its whole line: whoever holds a copy signs in again with wx.login.")
    @APIResponse(responseCode = "200", description = "SIGNED_IN, with new tokens")
    @APIResponse(responseCode = "401", description = "REFRESH_TOKEN_INVALID: unknown, expired, revoked or already "
            + "used: sign in again with wx.login")
    public SignInView refresh(@Valid @NotNull RefreshRequest request) {
        return SignInView.of(signIn.refresh(request.refreshToken()));
    }

    @POST
    @Path("/wechat/bindings")
    @Operation(operationId = "createWechatBinding",
            summary = "Bind a WeChat user to the volunteer registered with the phone number WeChat verified",
            description = "With the ticket of an UNBOUND session answer and the code of the mini-program's "
                    + "getPhoneNumber button, the service asks WeChat (getuserphonenumber) for the verified number "
                    + "and binds the openid to the volunteer registered with it (one openid to one volunteer). "
                    + "The ticket is spent only by a binding made. Every binding is audited.")
    @APIResponse(responseCode = "200", description = "Bound and signed in: SIGNED_IN")
    @APIResponse(responseCode = "400", description = "WECHAT_PHONE_CODE_INVALID: the phone code is invalid or used; "
            + "VALIDATION_FAILED")
    @APIResponse(responseCode = "401", description = "BINDING_TICKET_INVALID: unknown, expired or used: wx.login again")
    @APIResponse(responseCode = "409", description = "VOLUNTEER_ALREADY_BOUND: the volunteer with this number is "
            + "bound to another WeChat user (staff can unbind); WECHAT_ALREADY_BOUND: this WeChat user was bound meanwhile")
    @APIResponse(responseCode = "422", description = "WECHAT_PHONE_NOT_REGISTERED: no volunteer is registered with "
            + "the number WeChat verified")
    @APIResponse(responseCode = "429", description = "WECHAT_RATE_LIMITED")
    @APIResponse(responseCode = "503", description = "WECHAT_UNAVAILABLE")
    public SignInView bind(@Valid @NotNull WechatBindingRequest request) {
        return SignInView.of(signIn.bindByPhone(request.bindingTicket(), request.phoneCode()));
    }

    @POST
    @Path("/wechat/registrations")
    @Operation(operationId = "createWechatRegistration",
            summary = "Register as a new volunteer from the mini-program, where the community allows it",
            description = "With the ticket of an UNBOUND session answer and the getPhoneNumber code: registers a "
                    + "volunteer with the number WeChat verified in the chosen community, when the region's "
                    + "self-registration rule allows it (GET /regions/{id}/self-registration; closed without a "
                    + "rule), binds the WeChat user to them and signs them in. Audited.")
    @APIResponse(responseCode = "200", description = "Registered, bound and signed in: SIGNED_IN")
    @APIResponse(responseCode = "400", description = "WECHAT_PHONE_CODE_INVALID; VALIDATION_FAILED (phone: "
            + "INVALID_PHONE, a number outside the mainland)")
    @APIResponse(responseCode = "401", description = "BINDING_TICKET_INVALID")
    @APIResponse(responseCode = "403", description = "SELF_REGISTRATION_CLOSED: the community does not take "
            + "self-registration")
    @APIResponse(responseCode = "409", description = "VOLUNTEER_PHONE_EXISTS: a volunteer is registered with this "
            + "number: bind instead (POST /auth/wechat/bindings); WECHAT_ALREADY_BOUND")
    @APIResponse(responseCode = "422", description = "REGION_NOT_FOUND, NOT_A_COMMUNITY")
    @APIResponse(responseCode = "429", description = "WECHAT_RATE_LIMITED")
    @APIResponse(responseCode = "503", description = "WECHAT_UNAVAILABLE")
    public SignInView register(@Valid @NotNull WechatRegistrationRequest request) {
        return SignInView.of(signIn.register(request.bindingTicket(), request.phoneCode(), request.name(),
                request.homeCommunityId()));
    }
}

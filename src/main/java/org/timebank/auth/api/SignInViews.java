package org.timebank.auth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.timebank.auth.persistence.SignInStore;
import org.timebank.auth.domain.SignIn;

public final class SignInViews {
    private SignInViews() {}

    @Schema(name = "WechatSessionRequest")
    public record WechatSessionRequest(
            @NotBlank @Size(max = 128) @Schema(description = "the code wx.login gave (valid once, for five minutes)",
                    example = "0a3Xkq000abcD1") String code) {}

    @Schema(name = "RefreshRequest")
    public record RefreshRequest(
            @NotBlank @Size(max = 128) @Schema(description = "the refresh token of the last sign-in or refresh; "
                    + "spent by this call") String refreshToken) {}

    @Schema(name = "WechatBindingRequest")
    public record WechatBindingRequest(
            @NotBlank @Size(max = 128) @Schema(description = "the bindingTicket of the session answer") String bindingTicket,
            @NotBlank @Size(max = 128) @Schema(description = "the code of the getPhoneNumber button "
                    + "(bindgetphonenumber's e.detail.code)", example = "e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144")
            String phoneCode) {}

    @Schema(name = "WechatRegistrationRequest")
    public record WechatRegistrationRequest(
            @NotBlank @Size(max = 128) @Schema(description = "the bindingTicket of the session answer") String bindingTicket,
            @NotBlank @Size(max = 128) @Schema(description = "the code of the getPhoneNumber button: the new "
                    + "volunteer's phone number is the one WeChat verified") String phoneCode,
            @NotBlank @Size(max = 50) @Schema(example = "张晓明") String name,
            @NotNull @Positive @Schema(description = "the community they live in, where self-registration is open",
                    example = "4") Long homeCommunityId) {}

    @Schema(name = "SelfRegistrationRule", description = "Whether residents may register themselves from the "
            + "mini-program in this region's communities")
    public record SelfRegistrationView(
            @Schema(required = true) boolean allowed,
            @Schema(description = "the region whose rule applies (the nearest on the path up to the city); null: no "
                    + "rule, so closed") Long fromRegionId) {
        public static SelfRegistrationView of(Optional<SignInStore.SelfRegistrationRule> rule) {
            return rule.map(r -> new SelfRegistrationView(r.allowed(), r.regionId()))
                    .orElse(new SelfRegistrationView(false, null));
        }
    }

    @Schema(name = "PutSelfRegistrationRule")
    public record PutSelfRegistration(@NotNull @Schema(required = true) Boolean allowed) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SignInResult", description = "SIGNED_IN: the tokens of the bound volunteer. UNBOUND: the WeChat "
            + "user is bound to no volunteer yet; bind with the ticket (POST /auth/wechat/bindings).")
    public record SignInView(
            @Schema(required = true, enumeration = {"SIGNED_IN", "UNBOUND"}) String status,
            @Schema(description = "SIGNED_IN: the volunteer signed in", example = "1001") Long volunteerId,
            @Schema(description = "SIGNED_IN: send as `Authorization: Bearer <accessToken>`") String accessToken,
            @Schema(description = "SIGNED_IN: always Bearer", example = "Bearer") String tokenType,
            @Schema(description = "SIGNED_IN: seconds the access token is valid", example = "900") Long expiresIn,
            @Schema(description = "SIGNED_IN: renews the access token (POST /auth/refresh) without a new wx.login; "
                    + "keep it in wx.setStorage, it is replaced on every use") String refreshToken,
            @Schema(description = "UNBOUND: the one-time ticket that binds this WeChat user") String bindingTicket,
            @Schema(description = "UNBOUND: seconds the ticket is valid", example = "600") Long bindingTicketExpiresIn) {
        public static SignInView of(SignIn signIn) {
            if (signIn instanceof SignIn.Signed s) {
                return new SignInView("SIGNED_IN", s.volunteerId(), s.accessToken(), "Bearer", s.expiresInSeconds(),
                        s.refreshToken(), null, null);
            }
            SignIn.Unbound u = (SignIn.Unbound) signIn;
            return new SignInView("UNBOUND", null, null, null, null, null, u.bindingTicket(), u.expiresInSeconds());
        }
    }
}

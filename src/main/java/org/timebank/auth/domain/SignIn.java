package org.timebank.auth.domain;

/** What a sign-in gives: tokens for a volunteer, or, for a WeChat user bound to nobody yet, a ticket to bind. */
public sealed interface SignIn {
    /** An access token (a JWT of this service) and the refresh token that renews it. */
    record Signed(long volunteerId, String accessToken, long expiresInSeconds, String refreshToken)
            implements SignIn {}

    /** The openid is bound to no volunteer: the one-time ticket that binds it, valid for a few minutes. */
    record Unbound(String bindingTicket, long expiresInSeconds) implements SignIn {}
}

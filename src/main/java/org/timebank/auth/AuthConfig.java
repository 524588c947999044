package org.timebank.auth;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The tokens this service issues to volunteers itself (after a WeChat sign-in). Its issuer is the
 * second one it trusts, beside the organisation's identity provider ({@code mp.jwt.verify.*}), and
 * only for volunteers. Unremovable: the scheduler reads {@code ${timebank.auth.purge-every}} by name.
 */
@ConfigMapping(prefix = "timebank.auth")
@Unremovable
public interface AuthConfig {
    /** The {@code iss} of the tokens this service issues; must differ from the identity provider's. */
    String issuer();

    /** Base64 of the RSA private key (PKCS#8 DER, 2048 bits or more) that signs them (RS256). */
    String signingKey();

    /** Base64 of its public key (X.509 DER); the service refuses to start if the two are not a pair. */
    String publicKey();

    /**
     * Base64 public keys (X.509 DER) of earlier signing keys: tokens they signed stay valid until they
     * expire, and GET /.well-known/jwks.json keeps publishing them, so a rotation logs nobody out.
     */
    Optional<List<String>> previousPublicKeys();

    /** How long an access token this service issues is valid. */
    @WithDefault("PT15M")
    Duration accessTokenTtl();

    /** How long a refresh token is valid (each use replaces it with a new one). */
    @WithDefault("P30D")
    Duration refreshTokenTtl();

    /** How long the binding ticket of an openid not yet bound is valid. */
    @WithDefault("PT10M")
    Duration bindingTicketTtl();

    /** How often expired binding tickets and dead refresh tokens are deleted (read by the scheduler); {@code off} stops it. */
    @WithDefault("1h")
    String purgeEvery();

    /**
     * How long a binding ticket or refresh token is kept after it expired or was revoked, before the
     * purge deletes it: a refresh token presented within it is still known (refused as expired or
     * revoked, and logged), not merely unknown.
     */
    @WithDefault("P7D")
    Duration purgeGrace();
}

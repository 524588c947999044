package org.timebank.webapp;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * How the web app served at {@code /} signs people in. Unset (dev and test), it offers the demo
 * identities of {@code /dev/tokens}; in production both are set, from the organisation's identity
 * provider.
 */
@ConfigMapping(prefix = "timebank.web")
public interface WebConfig {
    /**
     * The OpenID Connect issuer the app signs in with (Authorization Code with PKCE), exactly as the
     * provider's discovery document names it, e.g. {@code https://sso.example.org/realms/timebank}.
     */
    Optional<String> oidcIssuer();

    /** The app's client id at that provider: a public client, no secret. */
    Optional<String> oidcClientId();
}

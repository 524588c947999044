package org.timebank.webapp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The OpenID Connect provider the web app signs in with: its issuer and the app's client id there.
 * A half or malformed configuration stops the service at start instead of leaving people with a
 * sign-in page that cannot work.
 */
public record IdentityProvider(String issuer, String clientId) {
    public IdentityProvider {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("timebank.web.oidc-client-id is empty");
        }
        if (issuer == null) {
            throw new IllegalArgumentException("timebank.web.oidc-issuer is empty");
        }
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("timebank.web.oidc-issuer is not a URL: " + issuer);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // OpenID Connect Discovery: an https URL with no query or fragment (http for a provider on this machine)
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "timebank.web.oidc-issuer must be an http(s) URL without query, fragment or user: " + issuer);
        }
    }

    /** The provider named by the configuration; none when neither setting is there. */
    static Optional<IdentityProvider> configured(WebConfig config) {
        if (config.oidcIssuer().isEmpty() && config.oidcClientId().isEmpty()) {
            return Optional.empty();
        }
        if (config.oidcIssuer().isEmpty() || config.oidcClientId().isEmpty()) {
            throw new IllegalArgumentException(
                    "timebank.web.oidc-issuer and timebank.web.oidc-client-id are set together or not at all");
        }
        return Optional.of(new IdentityProvider(config.oidcIssuer().get(), config.oidcClientId().get()));
    }

    /** Scheme, host and port: what a Content-Security-Policy source names. */
    public String origin() {
        URI uri = URI.create(issuer);
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 ? origin : origin + ":" + uri.getPort();
    }
}

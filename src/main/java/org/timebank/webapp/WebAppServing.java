package org.timebank.webapp;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The web app's build lies in META-INF/resources and Quarkus's static handler sends its files; this
 * filter adds what a single-page app needs around them:
 * <ul>
 * <li>a deep link ({@code /staff/claims}) opened in a browser is answered with index.html, whose
 * scripts then show that screen. Only GET and HEAD asking for text/html, outside the service's own
 * paths, for a path that names no file (no extension in its last segment) and no directory of the
 * build; anyone else (an API client, a missing {@code /assets/x.js}) keeps the 404 problem;</li>
 * <li>content-hashed files under {@code /assets/} are cached for a year, index.html is revalidated
 * on every use, so that a new release is picked up at the next page load;</li>
 * <li>the app's pages and files carry its Content-Security-Policy and the usual security headers;
 * the API and Quarkus's own pages under /q (Swagger UI, Dev UI, which need inline scripts) do not.
 * {@code X-Content-Type-Options: nosniff} goes on every response.</li>
 * </ul>
 */
@ApplicationScoped
public class WebAppServing {
    static final String INDEX = "/index.html";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String RESOURCES = "META-INF/resources";
    // after the request id and the transport limits (a deep link is refused for its size like any
    // request), before every route. A reroute runs the filters again, on /index.html
    private static final int PRIORITY = 8_000;
    // the service's own: never the app, and the app's headers are not theirs
    private static final List<String> SERVICE_PATHS = List.of("/api", "/q", "/dev", "/.well-known");
    private static final String REROUTED = WebAppServing.class.getName() + ".rerouted";
    private static final Pattern REFUSED = Pattern.compile("q\\s*=\\s*0(\\.0{0,3})?");

    @Inject
    WebConfig config;

    private String contentSecurityPolicy;
    /** In dev mode Quinoa forwards the app's files, index.html included, to Vite's dev server. */
    private boolean viteDevServer;

    void install(@Observes Filters filters) {
        // a broken OIDC setting stops the start here
        contentSecurityPolicy = contentSecurityPolicy(IdentityProvider.configured(config));
        viteDevServer = LaunchMode.current() == LaunchMode.DEVELOPMENT
                && ConfigProvider.getConfig().getOptionalValue("quarkus.quinoa", Boolean.class).orElse(false);
        filters.register(this::serve, PRIORITY);
    }

    void serve(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean clientRoute = looksLikeClientRoute(rc.request().method(), path)
                && (viteDevServer || !inBuild(path) && inBuild(INDEX));
        if (clientRoute && acceptsHtml(rc.request().getHeader(HttpHeaders.ACCEPT))) {
            rc.put(REROUTED, true);
            rc.reroute(INDEX);
            return;
        }
        // the same URL answers a browser with the app and anyone else with a 404
        boolean variesWithAccept = clientRoute || Boolean.TRUE.equals(rc.get(REROUTED));
        rc.addHeadersEndHandler(end -> headers(rc, path, variesWithAccept));
        rc.next();
    }

    private void headers(RoutingContext rc, String path, boolean variesWithAccept) {
        MultiMap headers = rc.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        if (isServicePath(path)) {
            return;
        }
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        int status = rc.response().getStatusCode();
        // a 404 is not kept a year
        boolean sent = status == 200 || status == 206 || status == 304;
        if (sent && path.startsWith("/assets/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        } else if (sent && (path.equals("/") || path.equals(INDEX))) {
            // cached, but revalidated (Last-Modified) on every use: it names the current release's assets
            headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        if (variesWithAccept) {
            String vary = headers.get(HttpHeaders.VARY);
            headers.set(HttpHeaders.VARY, vary == null || vary.isBlank() ? "Accept" : vary + ", Accept");
        }
    }

    /**
     * The app's Content-Security-Policy: its own scripts only, and connections to itself and, when
     * one is configured, to the identity provider it signs in with.
     */
    static String contentSecurityPolicy(Optional<IdentityProvider> identityProvider) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                // Element Plus and Vant set style attributes and inject <style> elements at run time
                "style-src 'self' 'unsafe-inline'",
                // QR codes drawn as data: URLs or blobs
                "img-src 'self' data: blob:",
                // Vant's icon font is inlined as a data: URL (its CDN fallback is never fetched)
                "font-src 'self' data:",
                "connect-src 'self'" + identityProvider.map(p -> " " + p.origin()).orElse(""),
                // the camera's stream, for scanning QR codes at the till and at the venue
                "media-src 'self' blob:",
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "object-src 'none'");
    }

    static boolean looksLikeClientRoute(HttpMethod method, String path) {
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || path == null
                || !path.startsWith("/") || path.equals("/") || isServicePath(path)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.indexOf('.') < 0;
    }

    static boolean isServicePath(String path) {
        return path == null || SERVICE_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    /** Whether the Accept header names text/html: browsers do; a bare wildcard (curl, API clients) does not. */
    static boolean acceptsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (parts[0].strip().equalsIgnoreCase("text/html")) {
                boolean refused = false;
                for (int i = 1; i < parts.length; i++) {
                    refused |= REFUSED.matcher(parts[i].strip()).matches();
                }
                if (!refused) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A file of the build, or a directory of it, which the static handler answers itself. */
    private static boolean inBuild(String path) {
        ClassLoader loader = WebAppServing.class.getClassLoader();
        String name = RESOURCES + path;
        return loader.getResource(name) != null
                || loader.getResource(name + (name.endsWith("/") ? "" : "/") + "index.html") != null;
    }
}

package org.timebank.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an id that ties its log lines together and that the caller gets back in
 * {@code X-Request-Id}: the caller's own (an ingress or a client retrying) when it is a short token
 * safe to print in a log line, otherwise a new UUID. The id goes into the MDC as {@code requestId};
 * the MDC lives in the request's Vert.x context, so it follows the request onto worker threads.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    // no spaces, quotes or control characters: nothing that could forge or break a log line
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    // before the routes, so that even a request refused for its token or its size carries the id
    private static final int PRIORITY = 10_000;

    void install(@Observes Filters filters) {
        filters.register(rc -> {
            String id = accept(rc.request().getHeader(HEADER));
            MDC.put(MDC_KEY, id);
            rc.response().putHeader(HEADER, id);
            rc.next();
        }, PRIORITY);
    }

    /** The caller's id if it is sane, else a new one. */
    public static String accept(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}

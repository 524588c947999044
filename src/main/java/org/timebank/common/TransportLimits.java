package org.timebank.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests too large to serve are refused before they are read, as problem documents like every
 * other refusal: a body over its limit (413 BODY_TOO_LARGE: JSON, an uploaded CSV, or anything over
 * the transport's {@code quarkus.http.limits.max-body-size}), a request line over
 * {@code timebank.http.max-request-line} (414 URI_TOO_LONG) and headers over
 * {@code timebank.http.max-header-bytes} (431 HEADERS_TOO_LARGE).
 *
 * <p>Vert.x enforces the transport's limits itself, before any route runs, and answers those with
 * a bare status; so this service's limits sit below Vert.x's ({@code quarkus.http.limits.*} is set
 * higher), and only a request over Vert.x's far larger ceilings still gets the bare answer.
 */
@ApplicationScoped
public class TransportLimits {
    // after the request id (10,000), before Quarkus's own body-size route (order -2)
    private static final int PRIORITY = 9_000;

    @Inject
    ObjectMapper json;

    @Inject
    HttpConfig http;
    @Inject
    ImportConfig imports;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Filters filters) {
        filters.register(this::limit, PRIORITY);
    }

    void limit(RoutingContext rc) {
        var request = rc.request();
        // method, target and version, as the request line Vert.x measured
        int line = request.method().name().length() + request.uri().length() + 10;
        if (line > http.maxRequestLine()) {
            refuse(rc, 414, "URI_TOO_LONG", http.maxRequestLine());
            return;
        }
        if (headerBytes(request.headers()) > http.maxHeaderBytes()) {
            refuse(rc, 431, "HEADERS_TOO_LARGE", http.maxHeaderBytes());
            return;
        }
        long max = maxBodyBytes(request.getHeader(HttpHeaders.CONTENT_TYPE));
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null && request.headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)) {
            readChunked(rc, max);
            return;
        }
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.strip());
            } catch (NumberFormatException malformed) {
                bytes = -1;
            }
            if (bytes > max) {
                refuse(rc, 413, "BODY_TOO_LARGE", max);
                return;
            }
        }
        rc.next();
    }

    /**
     * A body of unannounced length is read here, up to its limit, and handed on whole (Quarkus REST
     * reads a body that a route before it has read): past its limit, it is refused as the announced
     * ones are, instead of by the transport's bare 413 midway.
     */
    private void readChunked(RoutingContext rc, long max) {
        HttpServerRequest request = rc.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > max) {
                refused[0] = true;
                refuse(rc, 413, "BODY_TOO_LARGE", max);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> {
            if (!refused[0]) {
                rc.setBody(body);
                rc.next();
            }
        });
        request.resume();
    }

    /** The limit for a body of this content type: uploads (CSV, text) have their own, JSON its own. */
    long maxBodyBytes(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        long max = type.startsWith("text/csv") || type.startsWith("text/plain") ? imports.maxBytes()
                : type.isEmpty() || type.contains("json") ? http.maxJsonBytes() : maxBodySize.asLongValue();
        return Math.min(max, maxBodySize.asLongValue());
    }

    private static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> h : headers) {
            bytes += h.getKey().length() + h.getValue().length() + 4;
        }
        return bytes;
    }

    private void refuse(RoutingContext rc, int status, String code, long limit) {
        Locale locale = Messages.localeOf(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String path = rc.request().path();
        if (path != null && path.length() > 256) {
            path = path.substring(0, 256);
        }
        Problem problem = ProblemMappers.body(status, code, List.of(), locale, path, limit);
        String text;
        try {
            text = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the body that was not read would otherwise be taken for the next request on this connection
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag())
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(text)
                .onComplete(sent -> rc.request().connection().close());
    }
}

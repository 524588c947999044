package org.timebank.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * State-changing calls with an {@code Idempotency-Key}: the key is claimed in the same database
 * transaction that writes the effect, so an acknowledged effect and its stored response commit
 * together or not at all.
 * <ul>
 * <li>same caller, key and request: the first (2xx) response is replayed, nothing happens again;</li>
 * <li>same key, different request: 422 IDEMPOTENCY_KEY_REUSED;</li>
 * <li>same key while the first call still runs: 409 IDEMPOTENCY_KEY_IN_USE;</li>
 * <li>a call that fails stores nothing: the key stays free for a retry.</li>
 * </ul>
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String API_PREFIX = "/api/v1";
    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::[^}]*)?}");

    @Inject
    Tx tx;
    @Inject
    Sql sql;
    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyConfig config;

    @Inject
    CallerIdentity caller;
    @Inject
    ResourceInfo resource;
    @Inject
    UriInfo uri;

    /** What a write produced: its status, body and (for 201) location. */
    public record Outcome(int status, Object body, URI location) {
        public static Outcome created(URI location, Object body) { return new Outcome(201, body, location); }
        public static Outcome ok(Object body) { return new Outcome(200, body, null); }
    }

    private record Stored(byte[] requestHash, int status, String body, String location) {}

    private record Result(Stored stored, boolean replayed) {}

    /**
     * Runs {@code effect} for the matched {@link Idempotent} resource method in a new (retried)
     * transaction, guarded by the key when one is given, for the calling subject.
     *
     * @param key     the {@code Idempotency-Key} header, or null
     * @param request the parsed request; its JSON form is what "same request" compares
     */
    public Response write(String key, Object request, Supplier<Outcome> effect) {
        Method method = resource.getResourceMethod();
        Idempotent idempotent = method.getAnnotation(Idempotent.class);
        if (idempotent == null) {
            throw new IllegalStateException(method + " writes through Idempotency but is not @Idempotent");
        }
        String operation = operation(resource.getResourceClass(), method, name -> uri.getPathParameters().getFirst(name));
        return write(caller.subject(), key, idempotent.keyRequired(), operation, request, effect);
    }

    /** Runs {@code effect} in a new (retried) transaction for a write that deliberately takes no key. */
    public Response writeWithoutKey(Supplier<Outcome> effect) {
        Outcome outcome = tx.inNew(effect);
        return respond(outcome.status(), serialize(outcome.body()), outcome.location(), false);
    }

    /**
     * What a key is bound to besides the request: the HTTP method and the matched path template
     * below /api/v1 with its parameters filled in, e.g. {@code POST /regions/7/budget-fundings}, so
     * that one key cannot be replayed against another endpoint. A numeric parameter is written as
     * the number the method received ({@code 007} as {@code 7}), as these names always were.
     */
    static String operation(Class<?> resourceClass, Method method, UnaryOperator<String> pathParameter) {
        String template = join(resourceClass.getAnnotation(Path.class), method.getAnnotation(Path.class));
        if (!template.startsWith(API_PREFIX + "/")) {
            throw new IllegalStateException(method + " is not under " + API_PREFIX);
        }
        Matcher m = TEMPLATE_PARAMETER.matcher(template.substring(API_PREFIX.length()));
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(asWritten(pathParameter.apply(m.group(1)))));
        }
        m.appendTail(path);
        return httpMethod(method) + " " + path;
    }

    private static String join(Path type, Path method) {
        String path = type == null ? "" : strip(type.value());
        if (method != null && !strip(method.value()).isEmpty()) {
            path = path + "/" + strip(method.value());
        }
        return "/" + path;
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }

    private static String asWritten(String value) {
        try {
            return Long.toString(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        throw new IllegalStateException(method + " has no HTTP method");
    }

    private Response write(String principal, String key, boolean keyRequired, String operation, Object request,
                           Supplier<Outcome> effect) {
        if (key == null) {
            if (keyRequired) {
                throw ApiException.badRequest("IDEMPOTENCY_KEY_REQUIRED");
            }
            return writeWithoutKey(effect);
        }
        if (!isValidKey(key)) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_INVALID");
        }
        byte[] hash = requestHash(operation, request);
        Result result = tx.inNew(() -> {
            Claim claim = claim(principal, key);
            if (!claim.locked()) {
                throw ApiException.conflict("IDEMPOTENCY_KEY_IN_USE");
            }
            Stored stored = claim.stored();
            if (stored != null) {
                if (!Arrays.equals(stored.requestHash(), hash)) {
                    throw ApiException.unprocessable("IDEMPOTENCY_KEY_REUSED");
                }
                return new Result(stored, true);
            }
            Outcome outcome = effect.get();
            String body = serialize(outcome.body());
            Stored fresh = new Stored(hash, outcome.status(), body,
                    outcome.location() == null ? null : outcome.location().toString());
            save(principal, key, fresh);
            return new Result(fresh, false);
        });
        Stored stored = result.stored();
        return respond(stored.status(), stored.body(),
                stored.location() == null ? null : URI.create(stored.location()), result.replayed());
    }

    /** 1 to 255 visible ASCII characters: an empty or blank key is a malformed key, never "no key". */
    public static boolean isValidKey(String key) {
        return KEY.matcher(key).matches();
    }

    private static Response respond(int status, String body, URI location, boolean replayed) {
        Response.ResponseBuilder r = Response.status(status);
        if (body != null) {
            r.entity(body).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        }
        if (location != null) {
            r.location(location);
        }
        if (replayed) {
            r.header(REPLAYED_HEADER, "true");
        }
        return r.build();
    }

    private String serialize(Object body) {
        if (body == null) {
            return null;
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    private byte[] requestHash(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            String text = request instanceof String s ? s : serialize(request);
            if (text != null) {
                sha.update(text.getBytes(StandardCharsets.UTF_8));
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Claim(boolean locked, Stored stored) {}

    /**
     * The key's transaction-scoped advisory lock (held while the first call runs, released at its
     * end) and, once held, the response stored for it: one round trip.
     */
    private Claim claim(String principal, String key) {
        return sql.single("select locked, request_hash, response_status, response_body, location "
                        + "from idempotency_claim(?, ?, ? * interval '1 second')",
                r -> new Claim(r.getBoolean(1), r.getBytes(2) == null ? null
                        : new Stored(r.getBytes(2), r.getInt(3), r.getString(4), r.getString(5))),
                principal, key, config.retention().getSeconds());
    }

    /** Stores the response with the effect's own writes, in their round trip (see {@link Sql#defer}). */
    private void save(String principal, String key, Stored stored) {
        // an expired row for the same key may still be there until the purge: replace it
        sql.defer("insert into idempotency_key (principal, key, request_hash, response_status, response_body, location) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict (principal, key) do update set "
                        + "request_hash = excluded.request_hash, response_status = excluded.response_status, "
                        + "response_body = excluded.response_body, location = excluded.location, created_at = now()",
                principal, key, stored.requestHash(), stored.status(), Sql.nullOr(stored.body(), Types.VARCHAR),
                Sql.nullOr(stored.location(), Types.VARCHAR));
    }

    /** Deletes keys older than the retention; returns how many. */
    public int purgeExpired() {
        return tx.inNew(() -> sql.update("delete from idempotency_key where created_at < now() - ? * interval '1 second'",
                config.retention().getSeconds()));
    }
}

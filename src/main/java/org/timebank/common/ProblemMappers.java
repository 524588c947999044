package org.timebank.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as application/problem+json with a stable code; never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    SecurityIdentity identity;

    public static Response problem(int status, String code, List<ProblemError> errors, HttpHeaders headers,
                                   UriInfo uri, Object... args) {
        return problem(status, code, errors, Messages.localeOf(headers), uri == null ? null : uri.getPath(), args);
    }

    public static Response problem(int status, String code, List<ProblemError> errors, Locale locale, String path,
                                   Object... args) {
        return problem(status, code, code, errors, locale, path, args);
    }

    private static Response problem(int status, String code, String detailKey, List<ProblemError> errors, Locale locale,
                                    String path, Object... args) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(body(status, code, detailKey, errors, locale, path, args))
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).build();
    }

    /** The problem document, counted as a failure of its code. */
    public static Problem body(int status, String code, List<ProblemError> errors, Locale locale, String path,
                               Object... args) {
        return body(status, code, code, errors, locale, path, args);
    }

    private static Problem body(int status, String code, String detailKey, List<ProblemError> errors, Locale locale,
                                String path, Object... args) {
        Metrics.failure(code);
        String title = switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known != null ? known.getReasonPhrase() : "Error";
            }
        };
        return new Problem("urn:timebank:problem:" + code, title, status, code,
                Messages.format(locale, detailKey, args), path == null ? null : "/" + path.replaceFirst("^/", ""),
                errors);
    }

    @ServerExceptionMapper
    public Response api(ApiException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.localeOf(headers);
        List<ProblemError> errors = e.errors().stream()
                .map(i -> new ProblemError(i.field(), i.line(), i.code(), Messages.format(locale, i.code(), i.arg())))
                .toList();
        Response r = problem(e.status(), e.code(), detailKey(e), errors, locale, uri == null ? null : uri.getPath(),
                e.args());
        if (e.status() == 401) {
            // RFC 9110: a 401 names the scheme to authenticate with, whichever layer refused
            return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        return r;
    }

    /**
     * An overdraft names the account only to an admin, who works with accounts; a volunteer hears of
     * their own wallet, anyone else of the balance, without internal ids.
     */
    private String detailKey(ApiException e) {
        if (!e.detailKey().equals(e.code())
                || !("INSUFFICIENT_POINTS".equals(e.code()) || "INSUFFICIENT_HOURS".equals(e.code()))) {
            return e.detailKey();
        }
        if (identity.hasRole(Roles.ADMIN)) {
            return e.code();
        }
        return e.code() + (identity.hasRole(Roles.VOLUNTEER) ? "_OWN" : "_BALANCE");
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        // "create.request" null: the body itself is missing, which deserves its own code
        if (e.getConstraintViolations().stream().anyMatch(v -> v.getInvalidValue() == null
                && v.getPropertyPath().toString().split("\\.").length == 2
                && "NotNull".equals(constraintName(v)))) {
            return problem(400, "MISSING_BODY", List.of(), headers, uri);
        }
        Locale locale = Messages.localeOf(headers);
        List<ProblemError> errors = e.getConstraintViolations().stream()
                .map(v -> FieldViolations.of(fieldOf(v), v, locale))
                .sorted(Comparator.comparing((ProblemError p) -> p.field()).thenComparing(p -> p.code()))
                .collect(Collectors.toList());
        String fields = errors.stream().map(ProblemError::field).distinct().collect(Collectors.joining(", "));
        return problem(400, "VALIDATION_FAILED", errors, headers, uri, fields);
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        // "create.arg1.phone" -> "phone"; method parameters keep their names (compiled with -parameters)
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String constraintName(ConstraintViolation<?> v) {
        return v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    /**
     * Quarkus REST maps this subtype itself (as plain JSON, not a problem) unless an application
     * mapper names the same type; the general mapper below is then not chosen.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return json(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            return fieldProblem("DUPLICATE_FIELD", "DUPLICATE_FIELD", duplicate, headers, uri);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return fieldProblem("UNKNOWN_FIELD", "UNKNOWN_FIELD", pathOf(u), headers, uri);
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            JsonMappingException m = (JsonMappingException) e;
            String field = pathOf(m);
            if (field.isEmpty()) {
                return problem(400, "MALFORMED_JSON", List.of(), headers, uri);
            }
            if (isTime(((MismatchedInputException) e).getTargetType())) {
                return fieldProblem("INVALID_FIELD_TYPE", "INVALID_TIME", field, headers, uri);
            }
            return fieldProblem("INVALID_FIELD_TYPE", "INVALID_FIELD_TYPE", field, headers, uri);
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof ApiException api) {
            return api(api, headers, uri);
        }
        if (e instanceof JsonMappingException m && !pathOf(m).isEmpty()
                && (m.getCause() instanceof IllegalArgumentException || m.getCause() instanceof InputCoercionException)) {
            return fieldProblem("INVALID_FIELD_TYPE", "INVALID_FIELD_TYPE", pathOf(m), headers, uri);
        }
        return problem(400, "MALFORMED_JSON", List.of(), headers, uri);
    }

    private static boolean isTime(Class<?> type) {
        return type != null && java.time.temporal.Temporal.class.isAssignableFrom(type);
    }

    /** A 400 about one field: the problem's code, and the field's own code and detail, said the same way in both. */
    private static Response fieldProblem(String code, String fieldCode, String field, HttpHeaders headers, UriInfo uri) {
        Locale locale = Messages.localeOf(headers);
        ProblemError item = ProblemError.field(field, fieldCode, Messages.format(locale, fieldCode, field));
        return problem(400, code, fieldCode, List.of(item), locale, uri == null ? null : uri.getPath(), field);
    }

    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");

    /** The field named twice in one object, if that is what the parser refused (STRICT_DUPLICATE_DETECTION). */
    private static String duplicateField(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException p && p.getOriginalMessage() != null) {
                Matcher m = DUPLICATE.matcher(p.getOriginalMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        Response r = problem(401, "UNAUTHENTICATED", List.of(), headers, uri);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return problem(403, "FORBIDDEN", List.of(), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // the JSON body reader wraps syntax errors and out-of-range numbers in a bare 400
            return json(json, headers, uri);
        }
        int status = e.getResponse().getStatus();
        String code;
        if (e instanceof NotFoundException) {
            code = "NOT_FOUND";
        } else if (e instanceof NotAllowedException) {
            code = "METHOD_NOT_ALLOWED";
        } else if (e instanceof NotSupportedException) {
            code = "UNSUPPORTED_MEDIA_TYPE";
        } else if (e instanceof NotAcceptableException) {
            code = "NOT_ACCEPTABLE";
        } else if (status == 413) {
            return problem(413, "BODY_TOO_LARGE", List.of(), headers, uri,
                    ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", String.class)
                            .orElse("?"));
        } else if (status == 401) {
            return unauthenticated(e, headers, uri);
        } else if (status == 403) {
            code = "FORBIDDEN";
        } else if (status >= 500) {
            LOG.error("request failed", e);
            code = "INTERNAL_ERROR";
        } else {
            code = "BAD_REQUEST";
        }
        Response r = problem(status, code, List.of(), headers, uri);
        if (e instanceof NotAllowedException && !e.getResponse().getAllowedMethods().isEmpty()) {
            // an empty Allow header would claim that no method is allowed
            return Response.fromResponse(r).allow(e.getResponse().getAllowedMethods()).build();
        }
        return r;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers, UriInfo uri) {
        ApiException translated = SqlErrors.translate(e);
        if (translated != null) {
            if (translated.status() == 503) {
                LOG.warnf("the database refused or could not be reached: %s", e.toString());
            }
            return api(translated, headers, uri);
        }
        LOG.error("unexpected failure", e);
        List<ProblemError> none = new ArrayList<>();
        return problem(500, "INTERNAL_ERROR", none, headers, uri);
    }
}

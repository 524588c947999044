package org.timebank.common;

import java.util.List;

/**
 * An expected failure with a stable machine code. The code names the message template in
 * {@code i18n/messages*.properties}; the arguments fill it. Rendered as problem+json.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final transient Object[] args;
    private final transient List<Item> errors;
    private final Long retryAfterSeconds;
    private final String detailKey;

    /** One item of the problem's errors list; its detail is the message of {@code code} filled with {@code arg}. */
    public record Item(String field, Integer line, String code, Object arg) {}

    public ApiException(int status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public ApiException(int status, String code, List<Item> errors, Object... args) {
        this(status, code, errors, null, args);
    }

    private ApiException(int status, String code, List<Item> errors, Long retryAfterSeconds, Object[] args) {
        this(status, code, errors, retryAfterSeconds, null, args);
    }

    private ApiException(int status, String code, List<Item> errors, Long retryAfterSeconds, String detailKey,
                         Object[] args) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.args = args;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
        this.detailKey = detailKey;
    }

    /**
     * The same problem (same code: clients branch on it), explained by another message of the
     * catalogue, where one code covers cases that deserve different words.
     */
    public ApiException explainedBy(String messageKey) {
        return new ApiException(status, code, errors, retryAfterSeconds, messageKey, args);
    }

    /** The same problem, telling the client when to try again (the {@code Retry-After} header, in seconds). */
    public ApiException retryAfter(long seconds) {
        return new ApiException(status, code, errors, seconds, detailKey, args);
    }

    public int status() { return status; }
    public String code() { return code; }
    public Object[] args() { return args; }
    public List<Item> errors() { return errors; }
    public Long retryAfterSeconds() { return retryAfterSeconds; }
    /** The message that explains this problem: its own code's unless {@link #explainedBy} chose another. */
    public String detailKey() { return detailKey == null ? code : detailKey; }

    public static ApiException badRequest(String code, Object... args) { return new ApiException(400, code, args); }
    public static ApiException forbidden(String code, Object... args) { return new ApiException(403, code, args); }
    public static ApiException notFound(String code, Object... args) { return new ApiException(404, code, args); }
    public static ApiException conflict(String code, Object... args) { return new ApiException(409, code, args); }
    public static ApiException unprocessable(String code, Object... args) { return new ApiException(422, code, args); }
}

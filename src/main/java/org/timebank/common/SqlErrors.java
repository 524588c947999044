package org.timebank.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Translates the database's refusals (constraints, ledger_post errors) into API problems. */
public final class SqlErrors {
    public static final String SERIALIZATION_FAILURE = "40001";
    public static final String DEADLOCK_DETECTED = "40P01";

    private static final Map<String, String> UNIQUE_CONSTRAINTS = Map.of(
            "volunteer_phone_hash_key", "VOLUNTEER_PHONE_EXISTS",
            "volunteer_id_number_hash_key", "VOLUNTEER_ID_NUMBER_EXISTS",
            "region_sibling_name", "REGION_NAME_EXISTS",
            "region_code_key", "REGION_CODE_EXISTS",
            "journal_transaction_reverses_id_key", "ALREADY_REVERSED",
            "journal_transaction_resolves_id_key", "HOLD_ALREADY_RESOLVED",
            "opening_balance_pkey", "OPENING_BALANCE_EXISTS");

    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final int OUTAGE_RETRY_AFTER_SECONDS = 5;

    private static final Pattern KEY_VALUE = Pattern.compile("\\)=\\((.*)\\) already exists");

    private SqlErrors() {}

    public static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    public static String sqlState(Throwable e) {
        SQLException s = sqlCause(e);
        return s == null ? null : s.getSQLState();
    }

    /**
     * The database cannot be reached or is refusing work: no connection could be made or had from
     * the pool (class 08, Agroal's acquisition timeout), the server is shutting down or starting
     * (57P01 to 57P03), or it has no connection slots left (53300). The client should come back, not
     * report a bug.
     */
    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("08") || OUTAGE_STATES.contains(state))) {
                    return true;
                }
                if (state == null && s.getMessage() != null && s.getMessage().startsWith("Sorry, acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean isRetryable(Throwable e) {
        String state = sqlState(e);
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    /** The problem a failure stands for: itself if it is one, its database refusal's, or null if unexpected. */
    public static ApiException problemOf(Throwable e) {
        return e instanceof ApiException api ? api : translate(e);
    }

    /** The problem a database refusal stands for, or null if it is not an expected one. */
    public static ApiException translate(Throwable e) {
        if (isOutage(e)) {
            return new ApiException(503, "SERVICE_UNAVAILABLE").retryAfter(OUTAGE_RETRY_AFTER_SECONDS);
        }
        SQLException s = sqlCause(e);
        if (s == null || s.getSQLState() == null) {
            return null;
        }
        ServerErrorMessage server = s instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server != null && server.getMessage() != null ? server.getMessage() : "";
        switch (s.getSQLState()) {
            case "TB003": {
                // INSUFFICIENT_BALANCE:<account>:<asset>
                String[] parts = message.split(":");
                String asset = parts.length == 3 ? parts[2] : "POINTS";
                return ApiException.unprocessable("HOURS".equals(asset) ? "INSUFFICIENT_HOURS" : "INSUFFICIENT_POINTS",
                        parts.length == 3 ? parts[1] : "");
            }
            case "23505": {
                String code = server == null ? null : UNIQUE_CONSTRAINTS.get(server.getConstraint());
                // the detail reads "Key (reverses_id)=(7) already exists."; its value fills the message
                Matcher key = server == null || server.getDetail() == null ? null : KEY_VALUE.matcher(server.getDetail());
                String value = key != null && key.find() ? key.group(1) : "";
                return code == null ? null : ApiException.conflict(code, value);
            }
            case "23P01":
                // exclusion constraints: today only a volunteer's overlapping live claims
                return "hour_claim_no_overlap".equals(server == null ? null : server.getConstraint())
                        ? ApiException.conflict("CLAIM_OVERLAPS") : null;
            case "22021", "22P05":
                // text PostgreSQL cannot store (a NUL character): the client's input, not our failure
                return ApiException.badRequest("INVALID_TEXT");
            case SERIALIZATION_FAILURE, DEADLOCK_DETECTED, "55P03", "57014":
                return new ApiException(503, "SERVICE_BUSY").retryAfter(1);
            default:
                return null;
        }
    }
}

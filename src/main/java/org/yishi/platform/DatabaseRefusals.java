package org.yishi.platform;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;

/**
 * What a refusal by a database rule means for the caller, by its SQL state: only a real collision (a unique key taken
 * at the same moment, a serialization failure, a deadlock, a stale version) is a conflict (409); a reference to a
 * record that does not exist, a missing value or a value the database cannot store (out of range, a NUL byte) is bad
 * input (400) naming the field where the database says which; a record still referred to is not allowed now (409).
 * Anything else is not a refusal of the input: empty, and the caller treats it as the unexpected error it is.
 */
final class DatabaseRefusals {

    /** A classified refusal: its status, problem type, message code and arguments, and the field when known. */
    record Refusal(HttpStatus status, String type, String code, Object[] args, String field) {
    }

    private static final Pattern KEY = Pattern.compile("Key \\(([a-z_]+)\\)=\\(([^)]{0,80})\\)");
    private static final Pattern COLUMN = Pattern.compile("column \"([a-z_]+)\"");

    private DatabaseRefusals() {
    }

    static Optional<Refusal> of(DataAccessException e) {
        if (e instanceof ConcurrencyFailureException) {
            return Optional.of(conflict());
        }
        SQLException sql = sqlCause(e);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String message = sql == null || sql.getMessage() == null ? "" : sql.getMessage();
        return Optional.ofNullable(switch (state) {
            case "23505", "23P01", "40001", "40P01" -> conflict();
            case "23503" -> message.contains("still referenced")
                    ? new Refusal(HttpStatus.CONFLICT, "refused", "input.still-referenced", new Object[0], "")
                    : reference(message);
            case "23502" -> {
                String field = field(COLUMN, message);
                yield new Refusal(HttpStatus.BAD_REQUEST, "invalid-input", "input.missing-value", new Object[] {field}, field);
            }
            case "23514" -> new Refusal(HttpStatus.BAD_REQUEST, "invalid-input", "input.not-allowed-value",
                    new Object[] {constraint(message)}, "");
            default -> state.startsWith("22")
                    ? new Refusal(HttpStatus.BAD_REQUEST, "invalid-input", "input.not-storable", new Object[0], "")
                    : null;
        });
    }

    private static Refusal conflict() {
        return new Refusal(HttpStatus.CONFLICT, "conflict", "problem.conflict.detail", new Object[0], "");
    }

    private static Refusal reference(String message) {
        Matcher key = KEY.matcher(message);
        String field = key.find() ? camel(key.group(1)) : "";
        String value = field.isEmpty() ? "" : key.group(2);
        return new Refusal(HttpStatus.BAD_REQUEST, "invalid-input", "input.no-such-reference", new Object[] {field, value}, field);
    }

    private static String field(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? camel(m.group(1)) : "";
    }

    private static String constraint(String message) {
        Matcher m = Pattern.compile("constraint \"([a-z0-9_]+)\"").matcher(message);
        return m.find() ? m.group(1) : "";
    }

    /** person_id → personId: the database's column as the API's field. */
    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}

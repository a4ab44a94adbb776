package org.yishi.platform;

import java.util.List;

/**
 * One thing wrong with the input: the field it concerns (a dotted path as the client sent it, e.g.
 * {@code attendance[2].personId}, or empty for the input as a whole) and a message code with its arguments,
 * resolved in the user's language.
 */
public record Violation(String field, String code, List<Object> args) {

    public Violation {
        field = field == null ? "" : field;
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, List.of(args));
    }
}

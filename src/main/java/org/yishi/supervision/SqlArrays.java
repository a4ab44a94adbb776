package org.yishi.supervision;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * PostgreSQL array literals for passing many values as one parameter, e.g. {@code cast(:days as date[])} with
 * {@code {"2026-10-01","2026-10-02"}}: the sweep hands thousands of values to one set-based statement this way.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** Each value as text, quoted; null stays NULL. */
    public static String of(Collection<?> values) {
        return values.stream().map(v -> v == null ? "NULL"
                : "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}

package org.yishi.platform;

import java.util.ArrayList;
import java.util.List;

/** The input was refused, for the reasons listed; nothing was changed. */
public class InvalidInput extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).toList().toString());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public InvalidInput(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** A message code to resolve as an argument of another message, e.g. a field's name. */
    public static org.springframework.context.support.DefaultMessageSourceResolvable label(String code) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(code);
    }

    /** Collects violations and throws them together, so a user sees every problem at once. */
    public static final class Collector {
        private final List<Violation> violations = new ArrayList<>();

        public Collector add(String field, String code, Object... args) {
            violations.add(Violation.of(field, code, args));
            return this;
        }

        public boolean isEmpty() {
            return violations.isEmpty();
        }

        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
        }
    }
}

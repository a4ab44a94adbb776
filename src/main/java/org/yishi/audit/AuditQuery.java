package org.yishi.audit;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.validation.BindingResult;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Text;
import org.yishi.platform.Violation;

/**
 * The filters of an audit search: each one left empty matches everything. Dates are whole days in the server's time
 * zone, {@code to} included.
 */
record AuditQuery(String actor, String action, String subjectType, String subjectId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    /** The zone in which days begin for the filters and in which times are shown. */
    static final ZoneId ZONE = ZoneId.systemDefault();

    AuditQuery {
        actor = Text.orNull(actor);
        action = Text.orNull(action);
        subjectType = Text.orNull(subjectType);
        subjectId = Text.orNull(subjectId);
    }

    /** The query as bound from a request; refused as invalid input when a filter could not be read (a bad date). */
    static AuditQuery orRefuse(AuditQuery bound, BindingResult binding) {
        if (binding.hasErrors()) {
            throw new InvalidInput(binding.getFieldErrors().stream().map(f -> Violation.of(f.getField(),
                    "problem.bad-value", new DefaultMessageSourceResolvable(new String[] {"field." + f.getField()},
                            f.getField()))).toList());
        }
        return bound;
    }

    static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    StatementSpec bind(StatementSpec sql) {
        return sql.param("actor", actor).param("action", action).param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("from", from == null ? null : from.atStartOfDay(ZONE).toOffsetDateTime())
                .param("until", to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
    }
}

package org.yishi.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.Nulls;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Bounds every value read from a JSON body before any module sees it, so that bad input is refused with a 400 naming
 * the field instead of failing deeper down (a NUL byte PostgreSQL cannot store, a null inside a list, a year 999999):
 * no string holds a NUL byte or more than {@value #MAX_TEXT} characters (fields may bound themselves more tightly), no
 * list or map holds a null, and every date lies in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}.
 */
@Configuration(proxyBeanMethods = false)
public class InputBounds {

    /** The longest text any field takes: a conclusion, a report, a note. */
    public static final int MAX_TEXT = 10_000;
    /** The longest name or title: a person's, a body's, a unit's, an item's. */
    public static final int MAX_NAME = 200;
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    /** Whether a date lies in the years Yishi takes. */
    public static boolean inRange(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    /** Whether a year lies in the years Yishi takes, e.g. for a calendar. */
    public static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** A value refused for a reason of its own: the message code and its arguments after the field's name. */
    static final class BadValue extends InvalidFormatException {
        private final String code;
        private final transient Object[] args;

        BadValue(JsonParser parser, Object value, Class<?> type, String code, Object... args) {
            super(parser, code, value, type);
            this.code = code;
            this.args = args;
        }

        String code() {
            return code;
        }

        Object[] args() {
            return args;
        }
    }

    @Bean
    JsonMapperBuilderCustomizer inputBoundsCustomizer() {
        SimpleModule bounds = new SimpleModule("yishi-input-bounds");
        bounds.addDeserializer(String.class, new BoundedString());
        bounds.addDeserializer(LocalDate.class, new BoundedDate());
        return builder -> builder.addModule(bounds)
                .changeDefaultNullHandling(n -> n.withContentNulls(Nulls.FAIL));
    }

    /**
     * The OpenAPI description states the bound of every text: a field's own {@code @Schema(maxLength)}, or
     * {@value #MAX_TEXT} for any other string without a format or a list of values.
     */
    @Bean
    PropertyCustomizer textBoundsInTheDescription() {
        return (property, type) -> {
            boolean string = "string".equals(property.getType())
                    || (property.getTypes() != null && property.getTypes().contains("string"));
            if (string && property.getMaxLength() == null && property.getFormat() == null && property.getEnum() == null) {
                property.setMaxLength(MAX_TEXT);
            }
            return property;
        };
    }

    /** A string without NUL bytes and within its field's {@code @Schema(maxLength)}, at most {@value #MAX_TEXT}. */
    private static final class BoundedString extends StringDeserializer {
        private final int max;

        BoundedString() {
            this(MAX_TEXT);
        }

        BoundedString(int max) {
            this.max = max;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            Schema schema = property == null ? null : property.getAnnotation(Schema.class);
            if (schema != null && schema.maxLength() < MAX_TEXT) {
                return new BoundedString(schema.maxLength());
            }
            return this;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new BadValue(p, value, String.class, "input.nul-byte");
            }
            if (value != null && value.length() > max) {
                throw new BadValue(p, value.length(), String.class, "input.too-long", max);
            }
            return value;
        }
    }

    private static final class BoundedDate extends StdDeserializer<LocalDate> {
        BoundedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString().strip();
            LocalDate date;
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not an ISO date", text, LocalDate.class);
            }
            if (!inRange(date)) {
                throw new BadValue(p, text, LocalDate.class, "input.date-range", FIRST_YEAR, LAST_YEAR);
            }
            return date;
        }
    }

}

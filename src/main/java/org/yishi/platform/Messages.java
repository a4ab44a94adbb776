package org.yishi.platform;

import java.text.Format;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * Resolves {@link Violation}s into the user's language. Arguments that are themselves codes are resolved too; whole
 * numbers (ids, term and meeting numbers) placed plainly as {@code {0}} are written without grouping, while a number
 * the message formats itself ({@code {1,choice,…}}, {@code {1,number,…}}) is handed over as a number.
 */
public final class Messages {

    private Messages() {
    }

    public static String resolve(MessageSource messages, Violation violation, Locale locale) {
        Format[] formats = formatsOf(messages, violation.code(), locale);
        List<Object> given = violation.args();
        Object[] args = new Object[given.size()];
        for (int i = 0; i < args.length; i++) {
            Object a = given.get(i);
            boolean formattedByMessage = i < formats.length && formats[i] != null;
            args[i] = a instanceof MessageSourceResolvable r ? messages.getMessage(r, locale)
                    : a instanceof Bilingual b ? b.in(locale)
                    // ids and ordinals (term, meeting, item numbers): never grouped as "987,654,321"
                    : (a instanceof Long || a instanceof Integer) && !formattedByMessage ? a.toString() : a;
        }
        return messages.getMessage(violation.code(), args, violation.code(), locale);
    }

    /** The formats the message gives its arguments, by index; none where it places them plainly or is unknown. */
    private static Format[] formatsOf(MessageSource messages, String code, Locale locale) {
        String pattern = messages.getMessage(code, null, null, locale);
        if (pattern == null || pattern.indexOf(',') < 0) {
            return new Format[0];
        }
        try {
            return new MessageFormat(pattern, locale).getFormatsByArgumentIndex();
        } catch (IllegalArgumentException notAPattern) {
            return new Format[0];
        }
    }
}

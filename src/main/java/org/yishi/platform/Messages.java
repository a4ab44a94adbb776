package org.yishi.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/**
 * Resolves {@link Violation}s into the user's language. Arguments that are themselves codes are resolved too; whole
 * numbers (ids, term and meeting numbers) are written plainly, without grouping.
 */
public final class Messages {

    private Messages() {
    }

    public static String resolve(MessageSource messages, Violation violation, Locale locale) {
        Object[] args = violation.args().stream()
                .map(a -> a instanceof MessageSourceResolvable r ? messages.getMessage(r, locale)
                        : a instanceof Bilingual b ? b.in(locale)
                        // ids and ordinals (term, meeting, item numbers): never grouped as "987,654,321"
                        : a instanceof Long || a instanceof Integer ? a.toString() : a)
                .toArray();
        return messages.getMessage(violation.code(), args, violation.code(), locale);
    }
}

package org.yishi.platform;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

/** Resolves {@link Violation}s into the user's language. Arguments that are themselves codes are resolved too. */
public final class Messages {

    private Messages() {
    }

    public static String resolve(MessageSource messages, Violation violation, Locale locale) {
        Object[] args = violation.args().stream()
                .map(a -> a instanceof MessageSourceResolvable r ? messages.getMessage(r, locale)
                        : a instanceof Bilingual b ? b.in(locale) : a)
                .toArray();
        return messages.getMessage(violation.code(), args, violation.code(), locale);
    }
}

package org.yishi.platform;

import java.util.Locale;

/**
 * A text known in Chinese, English or both, e.g. a person's name inside a message. Shown in the user's language,
 * falling back to the other form.
 */
public record Bilingual(String zh, String en) {

    public String in(Locale locale) {
        boolean english = locale != null && locale.getLanguage().equals("en");
        String first = english ? en : zh;
        String second = english ? zh : en;
        return first == null || first.isBlank() ? (second == null ? "" : second) : first;
    }

    @Override
    public String toString() {
        return in(Locale.SIMPLIFIED_CHINESE);
    }
}

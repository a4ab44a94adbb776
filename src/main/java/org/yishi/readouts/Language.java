package org.yishi.readouts;

import java.util.Locale;

/** The languages a readout is written in. */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** {@code zh} or {@code en} in any case; nothing means Chinese; anything else is refused. */
    public static Language of(String code) {
        if (code == null || code.isBlank()) {
            return ZH;
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn" -> ZH;
            case "en" -> EN;
            default -> throw new org.yishi.platform.InvalidInput(org.yishi.platform.Violation.of("lang", "readouts.lang", code));
        };
    }
}

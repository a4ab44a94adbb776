package org.yishi.readouts;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * The fixed wording of the readout genre in one language, read once from the message bundles ({@code readout.*})
 * so that rendering is plain string work. {@code {0}} and {@code {1}} in a phrase stand for what is filled in.
 */
final class Phrases {

    static final String[] KEYS = {"readout.date", "readout.opening.time", "readout.opening.no-time", "readout.held",
            "readout.held-enlarged", "readout.held-for", "readout.entrusted", "readout.presided",
            "readout.presided-speech", "readout.present", "readout.in-attendance", "readout.and-groups",
            "readout.also", "readout.also-other", "readout.sentence-gap", "readout.time.MORNING",
            "readout.time.AFTERNOON", "readout.time.EVENING"};

    private final Language language;
    private final Map<String, String> phrases = new HashMap<>();
    private final Map<Month, String> months = new EnumMap<>(Month.class);

    Phrases(MessageSource messages, Language language) {
        this.language = language;
        for (String key : KEYS) {
            phrases.put(key, messages.getMessage(key, null, language.locale()));
        }
        for (Month m : Month.values()) {
            months.put(m, language == Language.EN ? m.getDisplayName(TextStyle.FULL, language.locale())
                    : String.valueOf(m.getValue()));
        }
    }

    Language language() {
        return language;
    }

    String get(String key) {
        return phrases.get(key);
    }

    String fill(String key, String... args) {
        String phrase = phrases.get(key);
        for (int i = 0; i < args.length; i++) {
            phrase = phrase.replace("{" + i + "}", args[i]);
        }
        return phrase;
    }

    String month(Month month) {
        return months.get(month);
    }
}

package org.yishi.platform;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The language a text entered once is written in, for pages to mark it ({@code th:lang="${@textLanguages.of(t)}"}):
 * a place or a leave reason typed in Chinese stays Chinese on an English page, and says so, so that readers, screen
 * readers and Yishi's own language checks know it is not English gone wrong (issue 12).
 */
@Component
public class TextLanguages {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    /** "zh-CN" for text with Han characters, "en" for Latin text without them, null for neither (numbers, blank). */
    public String of(String text) {
        if (text == null) {
            return null;
        }
        return HAN.matcher(text).find() ? "zh-CN" : LATIN.matcher(text).find() ? "en" : null;
    }

    /** Whether the text holds Han characters, i.e. cannot stand in an English document as it is. */
    public static boolean chinese(String text) {
        return text != null && HAN.matcher(text).find();
    }
}

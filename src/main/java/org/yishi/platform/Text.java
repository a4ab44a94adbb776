package org.yishi.platform;

/** Small rules for user-entered text: blank means absent; kept text is stripped. */
public final class Text {

    private Text() {
    }

    public static String orNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

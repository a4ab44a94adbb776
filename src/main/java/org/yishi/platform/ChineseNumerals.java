package org.yishi.platform;

/** Whole numbers in Chinese numerals as used in names of terms and sessions: 十二届, 第九届. */
public final class ChineseNumerals {

    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百〇五; numbers from 0 to 999. */
    public static String of(int n) {
        if (n < 0 || n > 999) {
            throw new IllegalArgumentException("out of range: " + n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        if (n < 100) {
            int tens = n / 10;
            int ones = n % 10;
            return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : DIGITS.charAt(ones));
        }
        int hundreds = n / 100;
        int rest = n % 100;
        String head = DIGITS.charAt(hundreds) + "百";
        if (rest == 0) {
            return head;
        }
        if (rest < 10) {
            return head + "〇" + DIGITS.charAt(rest);
        }
        return head + (rest < 20 ? "一" : "") + of(rest);
    }
}

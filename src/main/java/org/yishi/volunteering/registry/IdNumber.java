package org.yishi.volunteering.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A citizen identity number of GB 11643-1999: six digits of the area of registration, eight of the date of birth,
 * three of the sequence (odd for men, even for women) and a check character of ISO 7064 MOD 11-2 ({@code 0}–{@code 9}
 * or {@code X}). Kept in its canonical form (upper-case X, no spaces).
 */
record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** Why a text is not an identity number. */
    enum Flaw { SHAPE, BIRTH_DATE, CHECK_DIGIT }

    IdNumber {
        if (flaw(value).isPresent()) {
            throw new IllegalArgumentException("not a GB 11643 identity number");
        }
    }

    /** The text, without surrounding spaces and with an upper-case X, or what is wrong with it. */
    static Optional<Flaw> flaw(String text) {
        if (text == null || !text.matches("\\d{17}[\\dX]")) {
            return Optional.of(Flaw.SHAPE);
        }
        if (birthDateOf(text).isEmpty()) {
            return Optional.of(Flaw.BIRTH_DATE);
        }
        return checkCharacter(text.substring(0, 17)) == text.charAt(17) ? Optional.empty() : Optional.of(Flaw.CHECK_DIGIT);
    }

    static String canonical(String text) {
        return text == null ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    /** The check character of the first seventeen digits. */
    static char checkCharacter(String seventeenDigits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static Optional<LocalDate> birthDateOf(String text) {
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(text.substring(6, 10)), Integer.parseInt(text.substring(10, 12)),
                    Integer.parseInt(text.substring(12, 14)));
            return born.getYear() < 1900 ? Optional.empty() : Optional.of(born);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    LocalDate birthDate() {
        return birthDateOf(value).orElseThrow();
    }

    Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The number as shown to anybody: the first three and the last four characters, the rest hidden. */
    String masked() {
        return value.substring(0, 3) + "*".repeat(11) + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}

package org.yishi.accounts;

import java.security.SecureRandom;
import java.util.Locale;

import org.yishi.platform.InvalidInput;

/**
 * At least 10 characters from at least three of the four classes (lower case, upper case, digits, others), and not
 * containing the user name.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String OTHERS = "-_.!@#%+=";

    private PasswordPolicy() {
    }

    /** Refuses a password that breaks the policy, naming the field and every rule it breaks. */
    static void check(String field, String password, String username) {
        var problems = new InvalidInput.Collector();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add(field, "accounts.password.too-short", MIN_LENGTH);
        }
        if (password != null && classes(password) < 3) {
            problems.add(field, "accounts.password.classes");
        }
        if (password != null && username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add(field, "accounts.password.contains-username");
        }
        problems.throwIfAny();
    }

    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /** A random password that meets the policy: 16 characters from all four classes, without look-alikes. */
    static String generate() {
        String all = LOWER + UPPER + DIGITS + OTHERS;
        StringBuilder p = new StringBuilder();
        p.append(LOWER.charAt(RANDOM.nextInt(LOWER.length())));
        p.append(UPPER.charAt(RANDOM.nextInt(UPPER.length())));
        p.append(DIGITS.charAt(RANDOM.nextInt(DIGITS.length())));
        p.append(OTHERS.charAt(RANDOM.nextInt(OTHERS.length())));
        while (p.length() < 16) {
            p.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        for (int i = p.length() - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = p.charAt(i);
            p.setCharAt(i, p.charAt(j));
            p.setCharAt(j, t);
        }
        return p.toString();
    }
}

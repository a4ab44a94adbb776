package org.yishi.meetings.rules;

/**
 * A share of a whole, compared exactly in whole numbers: "more than half" is {@code 2 × count > whole}, "at least two
 * thirds" is {@code 3 × count ≥ 2 × whole}. Never rounded, so the edges (exactly half, exactly two thirds) fall the
 * way the rules say.
 */
public record Fraction(int numerator, int denominator, boolean strictlyMore) {

    public Fraction {
        if (numerator < 0 || denominator < 1 || numerator > denominator) {
            throw new IllegalArgumentException("not a share of a whole: " + numerator + "/" + denominator);
        }
    }

    public static Fraction moreThan(int numerator, int denominator) {
        return new Fraction(numerator, denominator, true);
    }

    public static Fraction atLeast(int numerator, int denominator) {
        return new Fraction(numerator, denominator, false);
    }

    /** Whether {@code count} out of {@code whole} reaches this share. */
    public boolean reachedBy(int count, int whole) {
        long left = (long) denominator * count;
        long right = (long) numerator * whole;
        return strictlyMore ? left > right : left >= right;
    }

    /** The least count out of {@code whole} that reaches this share. */
    public int leastOf(int whole) {
        long exact = (long) numerator * whole;
        long least = strictlyMore ? exact / denominator + 1 : (exact + denominator - 1) / denominator;
        return (int) least;
    }

    /** The share of {@code whole} as a number to show, e.g. 4.5 for half of 9. */
    public String of(int whole) {
        long times = (long) numerator * whole;
        if (times % denominator == 0) {
            return String.valueOf(times / denominator);
        }
        return java.math.BigDecimal.valueOf(times).divide(java.math.BigDecimal.valueOf(denominator), 2,
                java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}

package org.yishi.volunteering.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Identity numbers of GB 11643 over random areas, birth dates and sequence numbers, against the standard's own
 * statement of ISO 7064 MOD 11-2 (the weighted sum of all eighteen characters, weights 2^(18-i) mod 11 and X worth 10,
 * leaves 1 mod 11): exactly one check character fits; every single mistyped character and every swap of two adjacent
 * different characters is caught; the masked form hides the date of birth and the sequence.
 */
class IdNumberProperties {

    private static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

    /** Seventeen digits: an area code, a date of birth from 1900 to 2025 and a sequence number. */
    private static Gen<String> seventeen() {
        return integers().between(100000, 999999)
                .zip(integers().between(0, (int) (LocalDate.of(2025, 12, 31).toEpochDay() - FIRST.toEpochDay())),
                        integers().between(0, 999),
                        (area, day, seq) -> area + FIRST.plusDays(day).toString().replace("-", "")
                                + "%03d".formatted(seq));
    }

    private static boolean fitsTheStandard(String eighteen) {
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            char c = eighteen.charAt(i);
            int value = c == 'X' ? 10 : c - '0';
            int weight = 1;
            for (int k = 0; k < 17 - i; k++) {
                weight = weight * 2 % 11;
            }
            sum += value * weight;
        }
        return sum % 11 == 1;
    }

    @Test
    void exactlyOneCheckCharacterFitsAndItIsTheOneComputed() {
        qt().forAll(seventeen()).checkAssert(digits -> {
            long fitting = "0123456789X".chars().filter(c -> IdNumber.flaw(digits + (char) c).isEmpty()).count();
            assertThat(fitting).isEqualTo(1);
            String number = digits + IdNumber.checkCharacter(digits);
            assertThat(fitsTheStandard(number)).as(number).isTrue();
            assertThat(IdNumber.flaw(number)).isEmpty();
        });
    }

    @Test
    void aSingleMistypedCharacterIsCaught() {
        qt().forAll(seventeen(), integers().between(0, 17), integers().between(1, 10)).checkAssert((digits, at, shift) -> {
            String number = digits + IdNumber.checkCharacter(digits);
            String alphabet = at == 17 ? "0123456789X" : "0123456789";
            int was = alphabet.indexOf(number.charAt(at));
            char typo = alphabet.charAt((was + shift) % alphabet.length());
            if (typo == number.charAt(at)) {
                return; // a shift of the whole alphabet: the same character
            }
            String mistyped = number.substring(0, at) + typo + number.substring(at + 1);
            assertThat(IdNumber.flaw(mistyped)).as(mistyped + " (from " + number + ")").isPresent();
        });
    }

    @Test
    void aSwapOfAdjacentCharactersIsCaught() {
        qt().forAll(seventeen(), integers().between(0, 16)).checkAssert((digits, at) -> {
            String number = digits + IdNumber.checkCharacter(digits);
            if (number.charAt(at) == number.charAt(at + 1)) {
                return;
            }
            String swapped = number.substring(0, at) + number.charAt(at + 1) + number.charAt(at) + number.substring(at + 2);
            assertThat(IdNumber.flaw(swapped)).as(swapped + " (from " + number + ")").isPresent();
        });
    }

    @Test
    void theMaskedFormKeepsTheFirstThreeAndLastFourCharactersOnly() {
        qt().forAll(seventeen()).checkAssert(digits -> {
            IdNumber number = new IdNumber(digits + IdNumber.checkCharacter(digits));
            String masked = number.masked();
            assertThat(masked).hasSize(18).startsWith(number.value().substring(0, 3))
                    .endsWith(number.value().substring(14));
            assertThat(masked.substring(3, 14)).isEqualTo("*".repeat(11));
            assertThat(number.toString()).isEqualTo(masked);
            assertThat(number.birthDate().toString().replace("-", "")).isEqualTo(digits.substring(6, 14));
            assertThat(number.sex()).isEqualTo((digits.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
        });
    }

    @Test
    void theStandardsExampleAndCommonMistakes() {
        assertThat(IdNumber.flaw("11010519491231002X")).isEmpty();
        assertThat(new IdNumber("11010519491231002X").sex()).isEqualTo(Sex.FEMALE);
        assertThat(IdNumber.flaw("110105194912310021")).contains(IdNumber.Flaw.CHECK_DIGIT);
        assertThat(IdNumber.flaw("11010519491231002x")).as("lower-case x before canonical()").contains(IdNumber.Flaw.SHAPE);
        assertThat(IdNumber.flaw(IdNumber.canonical(" 11010519491231002x "))).isEmpty();
        assertThat(IdNumber.flaw("110105194902300021")).as("30 February").contains(IdNumber.Flaw.BIRTH_DATE);
        assertThat(IdNumber.flaw("11010519491231002")).as("seventeen characters").contains(IdNumber.Flaw.SHAPE);
        assertThat(IdNumber.flaw("110105491231002")).as("the old fifteen-digit form").contains(IdNumber.Flaw.SHAPE);
    }
}

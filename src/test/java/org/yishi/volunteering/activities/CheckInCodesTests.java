package org.yishi.volunteering.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.yishi.volunteering.activities.CheckInCodes.Validity;
import org.yishi.volunteering.registry.VolunteeringFixture;

/** The code shown at an activity: six digits, new each minute, accepted in its minute and the next only. */
class CheckInCodesTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final Instant NINE = Instant.parse("2026-03-05T01:00:00Z");

    private CheckInCodes codes(String key) {
        return new CheckInCodes(key, VolunteeringFixture.piiKeys(Base64.getEncoder().encodeToString(
                "another thirty-two byte secret!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }

    @Test
    void aCodeIsAcceptedInItsMinuteAndTheNextOnly() {
        CheckInCodes c = codes(KEY);
        String shown = c.code(7, NINE.plusSeconds(59));
        assertThat(shown).matches("\\d{6}");
        assertThat(c.check(7, shown, NINE)).isEqualTo(Validity.VALID);
        assertThat(c.check(7, " " + shown + " ", NINE.plusSeconds(119))).isEqualTo(Validity.VALID);
        assertThat(c.check(7, shown, NINE.plusSeconds(120))).isEqualTo(Validity.EXPIRED);
        assertThat(c.check(7, shown, NINE.plusSeconds(59 * 60 + 59))).isEqualTo(Validity.EXPIRED);
        assertThat(c.check(7, shown, NINE.minusSeconds(1))).as("a code is not known before its minute")
                .isNotEqualTo(Validity.VALID);
        assertThat(CheckInCodes.acceptedUntil(NINE.plusSeconds(30))).isEqualTo(NINE.plusSeconds(120));
    }

    @Test
    void codesDifferByMinuteActivityAndKey() {
        CheckInCodes c = codes(KEY);
        String shown = c.code(7, NINE);
        assertThat(c.code(7, NINE.plusSeconds(60))).isNotEqualTo(shown);
        assertThat(c.check(8, shown, NINE)).isEqualTo(Validity.WRONG);
        assertThat(c.check(7, "", NINE)).isEqualTo(Validity.WRONG);
        assertThat(c.check(7, null, NINE)).isEqualTo(Validity.WRONG);
        assertThat(codes("").code(7, NINE)).as("the key derived from the PII key is another").isNotEqualTo(shown);
        int distinct = (int) java.util.stream.IntStream.range(0, 200).mapToObj(m -> c.code(7, NINE.plusSeconds(60L * m)))
                .distinct().count();
        assertThat(distinct).isGreaterThan(195);
    }
}

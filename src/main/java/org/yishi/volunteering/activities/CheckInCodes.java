package org.yishi.volunteering.activities;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yishi.volunteering.registry.PiiKeys;

/**
 * The six-digit code shown at an activity, which changes every minute: HMAC-SHA256 of the activity's id and the
 * minute (counted from the epoch), so that only someone who sees it at the place can check in. The key is
 * {@code yishi.volunteering.check-in-key} (environment {@code YISHI_CHECK_IN_KEY}, 32 bytes in Base64), or, when that
 * is unset, derived from the personal-information key and so kept wherever that is kept. A code is accepted in its
 * own minute and the minute after; a code of an earlier minute of the last hour is told apart as expired.
 */
@Component
class CheckInCodes {

    /** How far back a code is still recognised, to say that it expired rather than that it is wrong. */
    static final int RECOGNISED_MINUTES = 60;

    /** What a code entered at a given moment is. */
    enum Validity { VALID, EXPIRED, WRONG }

    private final SecretKey key;

    CheckInCodes(@Value("${yishi.volunteering.check-in-key:}") String key, PiiKeys piiKeys) {
        this.key = key.isBlank() ? piiKeys.derived("volunteering check-in codes") : decode(key);
    }

    private static SecretKey decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("yishi.volunteering.check-in-key is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("yishi.volunteering.check-in-key must hold 32 bytes, holds " + bytes.length);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    static long minuteOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }

    /** The code of the activity in the minute that holds {@code at}. */
    String code(long activityId, Instant at) {
        return code(activityId, minuteOf(at));
    }

    /** When the code shown at {@code at} stops being accepted: the end of the minute after its own. */
    static Instant acceptedUntil(Instant at) {
        return Instant.ofEpochSecond((minuteOf(at) + 2) * 60);
    }

    private String code(long activityId, long minute) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] h = mac.doFinal(ByteBuffer.allocate(16).putLong(activityId).putLong(minute).array());
            int offset = h[h.length - 1] & 0x0f; // dynamic truncation, as HOTP (RFC 4226) does
            int bits = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            return String.format("%06d", bits % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Validity check(long activityId, String entered, Instant at) {
        String code = entered == null ? "" : entered.strip();
        long now = minuteOf(at);
        if (same(code, code(activityId, now)) || same(code, code(activityId, now - 1))) {
            return Validity.VALID;
        }
        for (long m = now - 2; m > now - RECOGNISED_MINUTES; m--) {
            if (same(code, code(activityId, m))) {
                return Validity.EXPIRED;
            }
        }
        return Validity.WRONG;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}

package org.yishi.volunteering.activities;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time zone activities are entered in ({@code yishi.volunteering.zone}, default Asia/Shanghai) and the clock the
 * module reads (a {@link Clock} bean when there is one, as tests provide, else the system's).
 */
@Component
public class ActivityZone {

    private final ZoneId zone;
    private final Clock clock;

    ActivityZone(@Value("${yishi.volunteering.zone:Asia/Shanghai}") ZoneId zone, Optional<Clock> clock) {
        this.zone = zone;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public ZoneId zone() {
        return zone;
    }

    public Clock clock() {
        return clock;
    }

    public java.time.Instant now() {
        return clock.instant();
    }

    public java.time.LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }
}

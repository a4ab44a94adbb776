package org.yishi.volunteering.activities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A clock the test sets and moves; the application reads it wherever it asks for a {@link Clock} bean. */
public final class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Imported by a test class to give its application this clock, set at 1 March 2026, 08:00 in Beijing. */
    @TestConfiguration
    public static class Config {
        @Bean
        TestClock testClock() {
            return new TestClock(Instant.parse("2026-03-01T00:00:00Z"));
        }
    }
}

package org.yishi.supervision;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.yishi.YishiApplication;
import org.yishi.platform.Commands;

/**
 * Times the warning sweep ({@code WarningSweep.sweep(LocalDate)}, issue 5 part b) on the database the usual settings
 * name, once for each day given: {@code java … SweepTiming 2026-11-25 2026-11-26 2026-11-26}. The application starts
 * without a port and without its own sweeps (at start and scheduled), so that only the timed ones run. Prints one
 * line per sweep: the day, the wall time around the call, and the sweep's result. Not a test: run by
 * bench/supervision.sh.
 *
 * <p>The sweep is called by reflection, so that this file compiles on a branch without part b.
 */
public final class SweepTiming {

    private SweepTiming() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = Commands.start(YishiApplication.class, new String[0], "sweep-timing",
                Map.of("yishi.supervision.sweep-at-start", "false", "yishi.supervision.sweep-cron", "-",
                        "yishi.demo-data", "off", "yishi.audit.purge-cron", "-")).orElseThrow();
        try (context) {
            Class<?> type = Class.forName("org.yishi.supervision.WarningSweep");
            Object sweep = context.getBean(type);
            Method call = type.getMethod("sweep", LocalDate.class);
            for (String day : args) {
                long start = System.nanoTime();
                Object result = call.invoke(sweep, LocalDate.parse(day));
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("sweep " + day + " " + millis + " ms " + result);
            }
        }
    }
}

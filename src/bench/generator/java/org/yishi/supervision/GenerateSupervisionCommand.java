package org.yishi.supervision;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.yishi.platform.Commands;

/**
 * The benchmark command {@code java -cp <generator classes>:yishi.jar org.yishi.supervision.GenerateSupervisionCommand
 * --generate-supervision=1000000 [--generate-reports=5000000] [--generate-seed=1] [--generate-today=2026-11-24]}
 * (bench/supervision.sh compiles and runs it; it is not part of the production jar): fills the database the application is configured for (the usual
 * {@code YISHI_DB_*} or {@code YISHI_DATA_DIR} settings) with that many supervised items and progress reports (five
 * per item unless told), as {@link SupervisionGenerator} describes, then updates the planner's statistics. It prints a
 * line per 100,000 items and one at the end, and ends with status 0, or 2 when it could not run.
 *
 * <p>It is for benchmarks: use a database of its own, e.g. {@code YISHI_DATA_DIR=data/bench}. Like
 * {@code --verify-audit} it starts the application without a port and purges nothing; demo data follow the usual
 * setting, so an empty embedded database first gets the demo directory and accounts.
 */
public final class GenerateSupervisionCommand {

    public static final String OPTION = "--generate-supervision";

    private GenerateSupervisionCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(org.yishi.YishiApplication.class, args, System.out));
    }

    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith(OPTION + "="));
    }

    private static Optional<String> option(String[] args, String name) {
        return Arrays.stream(args).filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
                .findFirst();
    }

    /** Runs the command on the application whose main class is given; returns the exit status. */
    public static int run(Class<?> application, String[] args, PrintStream out) {
        int items;
        long reports;
        int seed;
        LocalDate today;
        try {
            items = Integer.parseInt(option(args, OPTION).orElseThrow());
            reports = option(args, "--generate-reports").map(Long::parseLong).orElse(5L * items);
            seed = option(args, "--generate-seed").map(Integer::parseInt).orElse(1);
            today = option(args, "--generate-today").map(LocalDate::parse).orElse(LocalDate.now());
            if (items < 1 || reports < 0) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            out.println("Usage: --generate-supervision=<items, at least 1> [--generate-reports=<reports>]"
                    + " [--generate-seed=<int>] [--generate-today=<yyyy-mm-dd>]");
            return 2;
        }
        ConfigurableApplicationContext context = Commands.start(application, args, "generate-supervision",
                Map.of("yishi.audit.purge-cron", "-")).orElse(null);
        if (context == null) {
            return 2; // Spring Boot has reported why the application could not start
        }
        try (context) {
            SupervisionGenerator generator = context.getBean(SupervisionGenerator.class);
            long start = System.nanoTime();
            var generated = generator.generate(items, reports, today, seed, line -> out.println(line));
            long loaded = System.nanoTime();
            generator.analyze();
            long end = System.nanoTime();
            out.printf("Generated %,d items, %,d progress reports, %,d report obligations, %,d co-operating units and "
                            + "%,d steps in %.1f s (seen on %s, seed %d); vacuum and analyze %.1f s%n",
                    generated.items(), generated.reports(), generated.obligations(), generated.coUnits(),
                    generated.steps(), (loaded - start) / 1e9, today, seed, (end - loaded) / 1e9);
            return 0;
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(GenerateSupervisionCommand.class).error("Could not generate supervision data", e);
            return 2;
        }
    }
}

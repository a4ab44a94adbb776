package org.yishi.supervision.warnings;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.YishiApplication;
import org.yishi.platform.Commands;

/**
 * Times the warning sweep ({@code WarningSweep.sweep(LocalDate)}, issue 5 part b) on the database the usual settings
 * name, once for each day given: {@code java … SweepTiming 2026-11-25 2026-11-26 2026-11-26}. The application starts
 * without a port and without its own sweeps (at start and scheduled), so that only the timed ones run. Prints one
 * line per sweep: the day, the wall time around the call, and the sweep's result. Not a test: run by
 * bench/supervision.sh.
 *
 * <p>With {@code --uncoloured} first, it makes the database look as if no sweep had ever seen it (every item with its
 * lead unit and every owed obligation green, no warning noticed yet), as after loading a whole ledger in bulk, so
 * that the first sweep has to colour and notice everything: the worst case.
 */
public final class SweepTiming {

    private SweepTiming() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext context = Commands.start(YishiApplication.class, new String[0], "sweep-timing",
                Map.of("yishi.supervision.sweep-at-start", "false", "yishi.supervision.sweep-cron", "-",
                        "yishi.demo-data", "off", "yishi.audit.purge-cron", "-", "yishi.search.indexing", "off"))
                .orElseThrow();
        try (context) {
            WarningSweep sweep = context.getBean(WarningSweep.class);
            for (String arg : args) {
                if (arg.equals("--uncoloured")) {
                    uncolour(context.getBean(JdbcClient.class));
                    continue;
                }
                long start = System.nanoTime();
                WarningSweep.Result result = sweep.sweep(LocalDate.parse(arg));
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("sweep " + arg + " " + millis + " ms " + result);
            }
        }
    }

    private static void uncolour(JdbcClient jdbc) {
        int items = jdbc.sql("""
                update supervision_item set colour = 'GREEN'
                where state in ('ASSIGNED', 'IN_PROGRESS') and colour <> 'GREEN'""").update();
        int owed = jdbc.sql("""
                update report_obligation o set colour = 'GREEN' from supervision_item i
                where i.id = o.item_id and i.state in ('ASSIGNED', 'IN_PROGRESS') and o.reported_at is null
                  and o.colour <> 'GREEN'""").update();
        int notices = jdbc.sql("delete from supervision_notice where kind = 'WARNING'").update();
        for (String table : new String[] {"supervision_item", "report_obligation", "supervision_notice"}) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        System.out.println("uncoloured " + items + " items and " + owed + " obligations, " + notices
                + " warning notices deleted");
    }
}

package org.yishi.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of items the pages show besides the ledger: a unit's inbox (to accept, due soon, overdue, sent back, all
 * open), an item's children, items found by serial or words (to merge a proposal into, or to name as a parent), and
 * the counts on the supervision pages' own navigation. Every query runs on an index of supervision_item.
 */
@Component("supervisedItems")
@Transactional(readOnly = true)
public class SupervisedItems {

    private static final String FROM = "select " + SupervisionStore.COLUMNS + " from supervision_item i ";
    /** The lead unit still has to act on these: assigned to it, or accepted and under way. */
    private static final String ACTIVE = "i.state in ('ASSIGNED', 'IN_PROGRESS')";

    private final JdbcClient jdbc;
    private final SupervisionStore store;
    private final SerialFormat serials;
    private final Clock clock;

    SupervisedItems(JdbcClient jdbc, SupervisionStore store, SerialFormat serials, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.serials = serials;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    private List<SupervisionItem> list(String where, long unit, int limit) {
        return jdbc.sql(FROM + "where i.lead_unit_id = :u and " + where + " order by i.deadline, i.id limit :n")
                .param("u", unit).param("n", limit).param("today", LocalDate.now(clock)).query(store.mapper()).list();
    }

    private long count(String where, long unit) {
        return jdbc.sql("select count(*) from supervision_item i where i.lead_unit_id = :u and " + where)
                .param("u", unit).param("today", LocalDate.now(clock)).query(Long.class).single();
    }

    // ------------------------------------------------------------------------------------------- a unit's inbox

    /** Assigned to the unit and waiting for it to accept (签收) or return it. */
    public List<SupervisionItem> toAccept(long unit, int limit) {
        return list(TO_ACCEPT, unit, limit);
    }

    /** Still to do and yellow or orange: the time left is running short. */
    public List<SupervisionItem> dueSoon(long unit, int limit) {
        return list(DUE_SOON, unit, limit);
    }

    /** Still to do and past the deadline (red), whether or not the warning sweep has come by yet. */
    public List<SupervisionItem> overdue(long unit, int limit) {
        return list(OVERDUE, unit, limit);
    }

    /** In progress again after the office sent the completion report back (退办). */
    public List<SupervisionItem> sentBack(long unit, int limit) {
        return list(SENT_BACK, unit, limit);
    }

    private static final String TO_ACCEPT = "i.state = 'ASSIGNED'";
    private static final String DUE_SOON = ACTIVE + " and i.colour in ('YELLOW', 'ORANGE') and i.deadline >= :today";
    private static final String OVERDUE = ACTIVE + " and (i.colour = 'RED' or i.deadline < :today)";
    private static final String SENT_BACK = "i.state = 'IN_PROGRESS' and i.sent_back > 0";

    /** How many items each list of the unit's inbox holds. */
    public record Counts(long toAccept, long dueSoon, long overdue, long sentBack, long open) {
    }

    public Counts counts(long unit) {
        return new Counts(count(TO_ACCEPT, unit), count(DUE_SOON, unit), count(OVERDUE, unit), count(SENT_BACK, unit),
                countOpen(unit));
    }

    /** Every item not yet closed that the unit leads or co-operates on, by deadline; a page of them. */
    public List<SupervisionItem> open(long unit, int limit, int offset) {
        return jdbc.sql(FROM + "where " + CONCERNS + " and i.state <> 'CLOSED' order by i.deadline, i.id limit :n offset :o")
                .param("u", unit).param("n", limit).param("o", offset).query(store.mapper()).list();
    }

    public long countOpen(long unit) {
        return jdbc.sql("select count(*) from supervision_item i where " + CONCERNS + " and i.state <> 'CLOSED'")
                .param("u", unit).query(Long.class).single();
    }

    private static final String CONCERNS = """
            (i.lead_unit_id = :u or i.id in (select c.item_id from supervision_co_unit c where c.unit_id = :u))""";

    // ------------------------------------------------------------------------------------------- one item's family

    /** The item's children, in the order they were registered. */
    public List<SupervisionItem> children(long parentId) {
        return jdbc.sql(FROM + "where i.parent_id = :p order by i.id").param("p", parentId).query(store.mapper()).list();
    }

    // ------------------------------------------------------------------------------------------- finding items

    /** The item with this serial number, as the office writes it (e.g. 督字〔2024〕3号). */
    public Optional<SupervisionItem> bySerial(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = serialPattern().matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return jdbc.sql(FROM + "where i.serial_year = :y and i.serial_number = :n")
                .param("y", Integer.parseInt(m.group("y"))).param("n", Integer.parseInt(m.group("n")))
                .query(store.mapper()).optional();
    }

    /** The serial format as a pattern, with the year and the number as the groups y and n. */
    private Pattern serialPattern() {
        String format = serials.format(1111, 2222);
        int year = format.indexOf("1111");
        int number = format.indexOf("2222");
        if (year < 0 || number < 0) {
            return Pattern.compile("(?<y>\\d{4})-(?<n>\\d{1,9})"); // a format without both: year-number only
        }
        int first = Math.min(year, number);
        int second = Math.max(year, number);
        return Pattern.compile(Pattern.quote(format.substring(0, first)) + group(first == year)
                + Pattern.quote(format.substring(first + 4, second)) + group(second == year)
                + Pattern.quote(format.substring(second + 4)));
    }

    private static String group(boolean year) {
        return year ? "(?<y>\\d{4})" : "(?<n>\\d{1,9})";
    }

    /**
     * Items not yet closed matching what the user typed: the serial number (whole, or just its number), or words
     * of the content; the newest first.
     */
    public List<SupervisionItem> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String q = text.strip();
        Optional<SupervisionItem> exact = bySerial(q);
        if (exact.isPresent()) {
            return List.of(exact.get());
        }
        if (q.matches("\\d{1,9}")) {
            return jdbc.sql(FROM + "where i.serial_number = :n and i.state <> 'CLOSED' order by i.serial_year desc limit :l")
                    .param("n", Integer.parseInt(q)).param("l", limit).query(store.mapper()).list();
        }
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(FROM + "where i.state <> 'CLOSED' and i.content ilike :q order by i.id desc limit :l")
                .param("q", like).param("l", limit).query(store.mapper()).list();
    }

    // ------------------------------------------------------------------------------------------- navigation counts

    /** Adopted decisions waiting in the office's inbox. */
    public long pendingProposals() {
        return jdbc.sql("select count(*) from supervision_proposal where state = 'PENDING'").query(Long.class).single();
    }

    /** Items assigned to the signed-in liaison's unit and not yet accepted; 0 for anyone else. */
    public long waitingToAccept() {
        Long unit = org.yishi.accounts.Viewers.find().map(org.yishi.accounts.Viewer::unitId).orElse(null);
        return unit == null ? 0 : count(TO_ACCEPT, unit);
    }
}

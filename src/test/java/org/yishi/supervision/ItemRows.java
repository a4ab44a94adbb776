package org.yishi.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yishi.directory.Directory;
import org.yishi.directory.UnitDraft;

/**
 * Supervised items written straight into the table with the dates, states and colours a test needs (as if their
 * workflow and the warning sweep had run), for figures that depend on exact closing times.
 */
public final class ItemRows {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    static final ZoneId ZONE = ZoneId.systemDefault();

    private final JdbcClient jdbc;
    private final Directory directory;

    public ItemRows(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public long unit(String zh, String en) {
        return jdbc.sql("select id from unit where name_zh = :n").param("n", zh).query(Long.class).optional()
                .orElseGet(() -> directory.createUnit(new UnitDraft(zh, en, null, 100)).id());
    }

    public static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZONE).toOffsetDateTime();
    }

    /** A closed item, received 20 days before its closing (or on its deadline, when that is earlier). */
    public long closed(long unit, LocalDate deadline, OffsetDateTime closedAt) {
        LocalDate received = closedAt.toLocalDate().minusDays(20);
        return insert(unit, ItemState.CLOSED, received.isAfter(deadline) ? deadline : received, deadline, Colour.GREEN,
                closedAt);
    }

    /** An item not closed, received 60 days before its deadline. */
    public long open(long unit, ItemState state, LocalDate deadline, Colour colour) {
        return insert(unit, state, deadline.minusDays(60), deadline, colour, null);
    }

    private long insert(long unit, ItemState state, LocalDate received, LocalDate deadline, Colour colour,
            OffsetDateTime closedAt) {
        int n = SERIAL.incrementAndGet();
        return jdbc.sql("""
                insert into supervision_item (serial_year, serial_number, source, source_note, content, lead_unit_id,
                       received_on, deadline, state, colour, closed_at, progress)
                values (2000, :n, 'INSTRUCTION', '区委书记批示', :content, :unit, :received, :deadline, :state, :colour,
                        :closed, :progress)
                returning id""")
                .param("n", n).param("content", "督办事项" + n).param("unit", unit)
                .param("received", received).param("deadline", deadline).param("state", state.name())
                .param("colour", colour.name()).param("closed", closedAt)
                .param("progress", state == ItemState.CLOSED ? 100 : 10).query(Long.class).single();
    }
}

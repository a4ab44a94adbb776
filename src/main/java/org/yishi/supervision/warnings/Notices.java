package org.yishi.supervision.warnings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.platform.NotFound;
import org.yishi.supervision.Colour;
import org.yishi.supervision.SerialFormat;
import org.yishi.supervision.reports.Cycle;

/**
 * The in-app notices a viewer receives — warnings and notices of new work ({@link WorkNotices}) alike: a unit liaison (supervision:report) those of their unit, the supervision
 * office (supervision:manage) the office's. Newest first; marking one read marks it for everyone it was sent to (the
 * unit's liaisons share their unit's notices, the office its own).
 */
@Service
@Transactional
public class Notices {

    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;
    private final SerialFormat serials;

    Notices(JdbcClient jdbc, SerialFormat serials) {
        this.jdbc = jdbc;
        this.serials = serials;
    }

    /** Whether the viewer receives any notices at all. */
    public static boolean receives(Viewer viewer) {
        return office(viewer) || unit(viewer) != null;
    }

    private static boolean office(Viewer viewer) {
        return viewer.can(Permission.SUPERVISION_MANAGE);
    }

    private static Long unit(Viewer viewer) {
        return viewer.can(Permission.SUPERVISION_REPORT) ? viewer.unitId() : null;
    }

    /** The viewer's notices, the page {@code page} (from 0) of {@link #PAGE_SIZE}; only unread ones if asked. */
    @Transactional(readOnly = true)
    public List<Notice> of(Viewer viewer, boolean unreadOnly, int page) {
        return jdbc.sql("""
                select n.id, n.item_id, i.serial_year, i.serial_number,
                       coalesce(i.content, pr.title_zh, pr.title_en) as content, n.obligation_id, o.cycle, n.unit_id,
                       n.kind, n.colour, n.due_on, n.created_at, n.read_at, n.mailed_at, n.proposal_id, n.note
                from supervision_notice n left join supervision_item i on i.id = n.item_id
                left join supervision_proposal pr on pr.id = n.proposal_id
                left join report_obligation o on o.id = n.obligation_id
                where ((:office and n.unit_id is null) or n.unit_id = :unit) and (not :unread or n.read_at is null)
                order by n.id desc limit :limit offset :offset""")
                .param("office", office(viewer)).param("unit", unitOrNone(viewer)).param("unread", unreadOnly)
                .param("limit", PAGE_SIZE).param("offset", (long) Math.max(0, page) * PAGE_SIZE)
                .query((rs, n) -> new Notice(rs.getLong("id"), (Long) rs.getObject("item_id"),
                        rs.getObject("item_id") == null ? null
                                : serials.format(rs.getInt("serial_year"), rs.getInt("serial_number")),
                        rs.getString("content"),
                        (Long) rs.getObject("obligation_id"),
                        rs.getObject("cycle") == null ? null : Cycle.period(rs.getInt("cycle")),
                        (Long) rs.getObject("unit_id"), rs.getString("kind"),
                        rs.getString("colour") == null ? null : Colour.valueOf(rs.getString("colour")),
                        rs.getObject("due_on", LocalDate.class), instant(rs.getObject("created_at", OffsetDateTime.class)),
                        instant(rs.getObject("read_at", OffsetDateTime.class)),
                        instant(rs.getObject("mailed_at", OffsetDateTime.class)), (Long) rs.getObject("proposal_id"),
                        rs.getString("note")))
                .list();
    }

    private static java.time.Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** How many notices the viewer has, and how many of them are unread. */
    public record Count(long all, long unread) {
    }

    @Transactional(readOnly = true)
    public Count count(Viewer viewer) {
        if (!receives(viewer)) {
            return new Count(0, 0);
        }
        return jdbc.sql("""
                select count(*) as total, count(*) filter (where read_at is null) as unread from supervision_notice n
                where (:office and n.unit_id is null) or n.unit_id = :unit""")
                .param("office", office(viewer)).param("unit", unitOrNone(viewer))
                .query((rs, n) -> new Count(rs.getLong("total"), rs.getLong("unread"))).single();
    }

    /** Unread notices only, counted from the index of unread ones: what the bell shows on every page. */
    @Transactional(readOnly = true)
    public long unread(Viewer viewer) {
        if (!receives(viewer)) {
            return 0;
        }
        long count = 0;
        if (office(viewer)) {
            count += jdbc.sql("select count(*) from supervision_notice where coalesce(unit_id, 0) = 0 and read_at is null")
                    .query(Long.class).single();
        }
        Long unit = unit(viewer);
        if (unit != null) {
            count += jdbc.sql("select count(*) from supervision_notice where coalesce(unit_id, 0) = :u and read_at is null")
                    .param("u", unit).query(Long.class).single();
        }
        return count;
    }

    /** Marks one of the viewer's notices read; another's notice does not exist for them. */
    public void markRead(Viewer viewer, long id) {
        int found = jdbc.sql("""
                update supervision_notice n set read_at = coalesce(read_at, now())
                where n.id = :id and ((:office and n.unit_id is null) or n.unit_id = :unit)""")
                .param("id", id).param("office", office(viewer)).param("unit", unitOrNone(viewer)).update();
        if (found == 0) {
            throw new NotFound("kind.notice", id);
        }
    }

    /** Marks all the viewer's notices read; returns how many were unread. */
    public int markAllRead(Viewer viewer) {
        return jdbc.sql("""
                update supervision_notice n set read_at = now()
                where n.read_at is null and ((:office and n.unit_id is null) or n.unit_id = :unit)""")
                .param("office", office(viewer)).param("unit", unitOrNone(viewer)).update();
    }

    /** The viewer's unit for the queries, or an id no unit has. */
    private static long unitOrNone(Viewer viewer) {
        Long unit = unit(viewer);
        return unit == null ? -1 : unit;
    }
}

package org.yishi.supervision;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yishi.platform.Text;

/** Supervised items in PostgreSQL, with their co-operating units and the log of their steps. */
@Repository
class SupervisionStore {

    static final String COLUMNS = """
            i.id, i.serial_year, i.serial_number, i.source, i.source_note, i.meeting_id, i.agenda_item_id, i.content,
            i.lead_unit_id, i.leader_person_id, i.received_on, i.deadline, i.reply_requirements, i.priority,
            i.parent_id, i.weight, i.recurrence, i.recurrence_days, i.state, i.sent_back, i.progress, i.colour,
            i.start_on, i.assigned_at, i.accepted_at, i.closed_at, i.version,
            array(select c.unit_id from supervision_co_unit c where c.item_id = i.id order by c.unit_id) as co_units""";

    private final JdbcClient jdbc;
    private final SerialFormat serials;

    SupervisionStore(JdbcClient jdbc, SerialFormat serials) {
        this.jdbc = jdbc;
        this.serials = serials;
    }

    RowMapper<SupervisionItem> mapper() {
        return (rs, n) -> new SupervisionItem(rs.getLong("id"),
                serials.format(rs.getInt("serial_year"), rs.getInt("serial_number")), rs.getInt("serial_year"),
                rs.getInt("serial_number"), Source.valueOf(rs.getString("source")), rs.getString("source_note"),
                (Long) rs.getObject("meeting_id"), (Long) rs.getObject("agenda_item_id"), rs.getString("content"),
                rs.getLong("lead_unit_id"), longs(rs.getArray("co_units")), (Long) rs.getObject("leader_person_id"),
                rs.getObject("received_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                rs.getString("reply_requirements"), Priority.valueOf(rs.getString("priority")),
                (Long) rs.getObject("parent_id"), rs.getInt("weight"), Recurrence.valueOf(rs.getString("recurrence")),
                ints(rs.getArray("recurrence_days")), ItemState.valueOf(rs.getString("state")), rs.getInt("sent_back"),
                rs.getInt("progress"), Colour.valueOf(rs.getString("colour")), rs.getObject("start_on", LocalDate.class),
                instant(rs, "assigned_at"), instant(rs, "accepted_at"), instant(rs, "closed_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Long[]) array.getArray()).toList();
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Integer[]) array.getArray()).toList();
    }

    boolean noItems() {
        return !jdbc.sql("select exists (select 1 from supervision_item)").query(Boolean.class).single();
    }

    Optional<SupervisionItem> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from supervision_item i where i.id = :id").param("id", id)
                .query(mapper()).optional();
    }

    List<SupervisionItem> ofAgendaItems(java.util.Collection<Long> agendaItemIds) {
        return jdbc.sql("select " + COLUMNS + " from supervision_item i where i.agenda_item_id = any(:ids) "
                + "order by i.agenda_item_id, i.serial_year, i.serial_number")
                .param("ids", agendaItemIds.toArray(Long[]::new)).query(mapper()).list();
    }

    List<SupervisionItem> after(long afterId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from supervision_item i where i.id > :a order by i.id limit :n")
                .param("a", afterId).param("n", limit).query(mapper()).list();
    }

    /** Locks the item's row until the transaction ends: its steps happen one at a time, on any node. */
    Optional<SupervisionItem> lock(long id) {
        jdbc.sql("select id from supervision_item where id = :id for update").param("id", id).query(Long.class).optional();
        return find(id);
    }

    /** The next serial number of the year; the counter row is locked until the transaction ends. */
    int nextSerial(int year) {
        return jdbc.sql("""
                insert into item_serial (year, last) values (:y, 1)
                on conflict (year) do update set last = item_serial.last + 1 returning last""")
                .param("y", year).query(Integer.class).single();
    }

    long insert(SupervisionDraft d, int year, int number, Long proposalId) {
        Map<String, Object> p = new HashMap<>();
        p.put("year", year);
        p.put("number", number);
        p.put("source", d.source().name());
        p.put("note", Text.orNull(d.sourceNote()));
        p.put("meeting", d.meetingId());
        p.put("agendaItem", d.agendaItemId());
        p.put("proposal", proposalId);
        p.put("content", d.content().strip());
        p.put("lead", d.leadUnitId());
        p.put("leader", d.leaderPersonId());
        p.put("received", d.receivedOn());
        p.put("deadline", d.deadline());
        p.put("reply", Text.orNull(d.replyRequirements()));
        p.put("priority", (d.priority() == null ? Priority.NORMAL : d.priority()).name());
        p.put("parent", d.parentId());
        p.put("weight", d.weight() == null ? 1 : d.weight());
        p.put("recurrence", (d.recurrence() == null ? Recurrence.NONE : d.recurrence()).name());
        p.put("days", d.recurrenceDays().isEmpty() ? null : d.recurrenceDays().toArray(Integer[]::new));
        long id = jdbc.sql("""
                insert into supervision_item (serial_year, serial_number, source, source_note, meeting_id,
                       agenda_item_id, proposal_id, content, lead_unit_id, leader_person_id, received_on, deadline,
                       reply_requirements, priority, parent_id, weight, recurrence, recurrence_days)
                values (:year, :number, :source, :note, :meeting, :agendaItem, :proposal, :content, :lead, :leader,
                        :received, :deadline, :reply, :priority, :parent, :weight, :recurrence, cast(:days as int[]))
                returning id""").params(p).query(Long.class).single();
        coUnits(id, d.coUnitIds());
        return id;
    }

    void coUnits(long itemId, List<Long> units) {
        jdbc.sql("delete from supervision_co_unit where item_id = :i").param("i", itemId).update();
        for (Long u : units.stream().distinct().toList()) {
            jdbc.sql("insert into supervision_co_unit (item_id, unit_id) values (:i, :u)").param("i", itemId)
                    .param("u", u).update();
        }
    }

    /** Moves the item to {@code to}, with the given extra assignments (SQL fragments of this class only). */
    void move(long id, ItemState to, String extra, Map<String, Object> params) {
        jdbc.sql("update supervision_item set state = :to, updated_at = now(), version = version + 1"
                + (extra == null ? "" : ", " + extra) + " where id = :id")
                .params(params).param("to", to.name()).param("id", id).update();
    }

    void step(long itemId, Long actor, String action, ItemState from, ItemState to, String reason) {
        step(itemId, actor, action, from, to, reason, null, null);
    }

    /** A step with the meeting and agenda item whose decision it records (a merged proposal's), kept as ids. */
    void step(long itemId, Long actor, String action, ItemState from, ItemState to, String reason, Long meetingId,
            Long agendaItemId) {
        jdbc.sql("""
                insert into supervision_step (item_id, actor, action, from_state, to_state, reason, meeting_id,
                       agenda_item_id)
                values (:i, :a, :action, :from, :to, :reason, :meeting, :agendaItem)""")
                .param("i", itemId).param("a", actor).param("action", action)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("reason", Text.orNull(reason)).param("meeting", meetingId).param("agendaItem", agendaItemId)
                .update();
    }

    /** A logged step; the decision's ids serve the page and stay out of the API's answer, which is as before. */
    record Step(Instant at, Long actor, String action, String fromState, String toState, String reason,
            @JsonIgnore Long meetingId, @JsonIgnore Long agendaItemId) {
    }

    List<Step> steps(long itemId) {
        return jdbc.sql("select at, actor, action, from_state, to_state, reason, meeting_id, agenda_item_id"
                + " from supervision_step where item_id = :i order by id")
                .param("i", itemId).query(Step.class).list();
    }

    String suspendedFrom(long id) {
        return jdbc.sql("select suspended_from from supervision_item where id = :id").param("id", id)
                .query(String.class).single();
    }

    long report(long itemId, Long actor, String text, int percent, boolean completion) {
        return jdbc.sql("""
                insert into progress_report (item_id, actor, text, percent, completion) values (:i, :a, :t, :p, :c)
                returning id""").param("i", itemId).param("a", actor).param("t", text.strip()).param("p", percent)
                .param("c", completion).query(Long.class).single();
    }

    /** Sets each ancestor's progress to the weighted average of its children's, from {@code parentId} upwards. */
    void rollUp(Long parentId) {
        Long at = parentId;
        Set<Long> seen = new java.util.HashSet<>();
        while (at != null && seen.add(at)) {
            jdbc.sql("""
                    update supervision_item p set progress = coalesce((
                        select round(sum(c.progress * c.weight)::numeric / nullif(sum(c.weight), 0))
                        from supervision_item c where c.parent_id = p.id), p.progress), updated_at = now()
                    where p.id = :id""").param("id", at).update();
            at = jdbc.sql("select parent_id from supervision_item where id = :id").param("id", at)
                    .query(Long.class).optional().orElse(null);
        }
    }

    Optional<ExtensionRequest> pendingExtension(long itemId) {
        return jdbc.sql("""
                select id, item_id, requested_at, reason, old_deadline, new_deadline, state from extension_request
                where item_id = :i and state = 'REQUESTED'""").param("i", itemId).query(ExtensionRequest.class).optional();
    }

    void requestExtension(long itemId, Long actor, String reason, LocalDate oldDeadline, LocalDate newDeadline) {
        jdbc.sql("""
                insert into extension_request (item_id, requested_by, reason, old_deadline, new_deadline)
                values (:i, :a, :r, :o, :n)""").param("i", itemId).param("a", actor).param("r", reason.strip())
                .param("o", oldDeadline).param("n", newDeadline).update();
    }

    void decideExtension(long requestId, boolean approve, Long actor, String note) {
        jdbc.sql("""
                update extension_request set state = :s, decided_at = now(), decided_by = :a, decision_note = :n
                where id = :id""").param("s", approve ? "APPROVED" : "REFUSED").param("a", actor)
                .param("n", Text.orNull(note)).param("id", requestId).update();
    }

    Map<LocalDate, Boolean> calendarExceptions() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        jdbc.sql("select day, working from calendar_day").query((rs, n) -> {
            days.put(rs.getObject("day", LocalDate.class), rs.getBoolean("working"));
            return null;
        }).list();
        return days;
    }
}

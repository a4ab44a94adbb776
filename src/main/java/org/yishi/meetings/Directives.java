package org.yishi.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.audit.Audit;
import org.yishi.directory.Directory;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Text;

/**
 * The queue of central directives a body's office has received. A directive is conveyed once an item of a meeting of
 * the body that has been held (opened) names it; until then it is pending, and the newest pending directive is what
 * the next meeting's first item should study.
 */
@Service
@Transactional(readOnly = true)
public class Directives {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Audit audit;

    Directives(JdbcClient jdbc, Directory directory, Audit audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
    }

    private static final String SELECT = """
            select d.id, d.body_id, d.title_zh, d.title_en, d.issued_on, d.received_on, d.source,
                   (select m.id from agenda_item i join meeting m on m.id = i.meeting_id
                    where i.directive_id = d.id and m.state in ('OPEN', 'CLOSED', 'MINUTES_ISSUED', 'ARCHIVED')
                      and m.id <> :except
                    order by m.held_on, m.id limit 1) as conveyed_by_meeting_id
            from directive d""";

    /** The body's directives, newest first, pending and conveyed. */
    public List<Directive> of(long bodyId) {
        return jdbc.sql(SELECT + " where d.body_id = :b order by d.issued_on desc, d.id desc")
                .param("b", bodyId).param("except", -1).query(Directive.class).list();
    }

    public Directive get(long id) {
        return find(id).orElseThrow(() -> new NotFound("kind.directive", id));
    }

    public Optional<Directive> find(long id) {
        return jdbc.sql(SELECT + " where d.id = :id").param("id", id).param("except", -1).query(Directive.class).optional();
    }

    /**
     * The newest directive of the body not yet conveyed by a held meeting, leaving {@code meetingId} out (a meeting
     * being planned does not convey what it is about to study).
     */
    public Optional<Directive> newestPending(long bodyId, long meetingId) {
        return jdbc.sql("select * from (" + SELECT + " where d.body_id = :b) q where conveyed_by_meeting_id is null "
                + "order by issued_on desc, id desc limit 1").param("b", bodyId).param("except", meetingId)
                .query(Directive.class).optional();
    }

    /**
     * Every body's receipt of the same central directive as {@code id}: the directives with the same Chinese title (as
     * entered, spaces at either end ignored) and the same date of issue, the given one among them; ordered by body.
     * Empty when there is no directive {@code id}.
     */
    public List<Directive> receiptsOfSame(long id) {
        return jdbc.sql(SELECT + " " + """
                join directive same on btrim(same.title_zh) = btrim(d.title_zh) and same.issued_on = d.issued_on
                where same.id = :id order by d.body_id, d.id""").param("id", id).param("except", -1)
                .query(Directive.class).list();
    }

    /**
     * The meetings that conveyed the directive: those held (opened, or further on) with an item naming it, by date.
     * A meeting recorded after the fact counts like one run live, as its state says it was held.
     */
    public List<Long> conveyingMeetings(long directiveId) {
        return jdbc.sql("""
                select distinct m.id, m.held_on from agenda_item i join meeting m on m.id = i.meeting_id
                where i.directive_id = :d and m.state in ('OPEN', 'CLOSED', 'MINUTES_ISSUED', 'ARCHIVED')
                order by m.held_on, m.id""").param("d", directiveId).query((rs, n) -> rs.getLong("id")).list();
    }

    @Transactional
    public Directive receive(DirectiveDraft d) {
        var problems = new InvalidInput.Collector();
        if (d.bodyId() == null) {
            problems.add("bodyId", "input.required", InvalidInput.label("kind.body"));
        } else if (directory.findBody(d.bodyId()).isEmpty()) {
            problems.add("bodyId", "input.unknown", InvalidInput.label("kind.body"), d.bodyId());
        }
        if (Text.blank(d.titleZh())) {
            problems.add("titleZh", "input.required", InvalidInput.label("directives.field.titleZh"));
        }
        if (d.issuedOn() == null) {
            problems.add("issuedOn", "input.required", InvalidInput.label("field.issuedOn"));
        }
        LocalDate received = d.receivedOn() == null ? LocalDate.now() : d.receivedOn();
        if (d.issuedOn() != null && received.isBefore(d.issuedOn())) {
            problems.add("receivedOn", "directives.received-before-issued");
        }
        problems.throwIfAny();
        long id = jdbc.sql("""
                insert into directive (body_id, title_zh, title_en, issued_on, received_on, source)
                values (:b, :zh, :en, :issued, :received, :source) returning id""")
                .param("b", d.bodyId()).param("zh", d.titleZh().strip()).param("en", Text.orNull(d.titleEn()))
                .param("issued", d.issuedOn()).param("received", received).param("source", Text.orNull(d.source()))
                .query(Long.class).single();
        Directive created = get(id);
        audit.record("directive.receive", "directive", String.valueOf(id), null, created);
        return created;
    }
}

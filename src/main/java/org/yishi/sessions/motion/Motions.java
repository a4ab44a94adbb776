package org.yishi.sessions.motion;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.platform.Text;
import org.yishi.sessions.Chamber;
import org.yishi.sessions.roster.AssemblyTerm;
import org.yishi.sessions.roster.Group;
import org.yishi.sessions.roster.GroupKind;
import org.yishi.sessions.roster.RosterEntry;
import org.yishi.sessions.roster.Rosters;
import org.yishi.sessions.sitting.Session;
import org.yishi.sessions.sitting.Sessions;

/**
 * Motions of a congress session: submitted by the presidium, a delegation, or deputies jointly with at least the
 * co-signers the level requires ({@link CoSigners}), each a deputy of the session's term, before the presidium's
 * deadline; refused otherwise with the rule broken, and nothing changes. The presidium decides each: put on the
 * agenda, or handled as a suggestion. Every step is audited.
 */
@Service
@Transactional(readOnly = true)
public class Motions {

    private final JdbcClient jdbc;
    private final Sessions sessions;
    private final Rosters rosters;
    private final CoSigners coSigners;
    private final Audit audit;
    private final Clock clock;

    Motions(JdbcClient jdbc, Sessions sessions, Rosters rosters, CoSigners coSigners, Audit audit,
            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.rosters = rosters;
        this.coSigners = coSigners;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    private record Row(long id, long sessionId, int number, String proposer, Long delegationId, String subject,
            String grounds, String solution, String state, OffsetDateTime submittedAt) {
    }

    public List<Motion> motions(long sessionId) {
        sessions.session(sessionId);
        return jdbc.sql("select * from motion where session_id = :s order by number").param("s", sessionId)
                .query(Row.class).list().stream().map(this::motion).toList();
    }

    public Motion motion(long id) {
        return jdbc.sql("select * from motion where id = :id").param("id", id).query(Row.class).optional()
                .map(this::motion).orElseThrow(() -> new NotFound("kind.motion", id));
    }

    private Motion motion(Row r) {
        List<RosterEntry> signers = jdbc.sql("select seat_id from motion_signer where motion_id = :m order by position")
                .param("m", r.id()).query(Long.class).list().stream().map(rosters::entry).toList();
        return new Motion(r.id(), r.sessionId(), r.number(), Motion.Proposer.valueOf(r.proposer()), r.delegationId(),
                r.subject(), r.grounds(), r.solution(), Motion.State.valueOf(r.state()), r.submittedAt(), signers);
    }

    /** The presidium's deadline for motions; null lets them come in until it sets one. */
    @Transactional
    public Session setDeadline(Viewer viewer, long sessionId, OffsetDateTime until) {
        viewer.require(Permission.CONGRESS_EDIT);
        Session before = sessions.session(sessionId);
        jdbc.sql("update assembly_session set motions_until = :u where id = :id").param("u", until).param("id", sessionId).update();
        audit.record("motion.deadline", "assembly_session", String.valueOf(sessionId), null, Map.of("until", String.valueOf(until)));
        return before;
    }

    @Transactional
    public Motion submit(Viewer viewer, long sessionId, MotionDraft d) {
        viewer.require(Permission.CONGRESS_EDIT);
        Session session = sessions.session(sessionId);
        jdbc.sql("select id from assembly_session where id = :id for update").param("id", sessionId).query(Long.class).single();
        AssemblyTerm term = rosters.term(session.termId());
        if (term.chamber() != Chamber.CONGRESS) {
            throw new Refused("motions.not-congress");
        }
        OffsetDateTime until = jdbc.sql("select motions_until from assembly_session where id = :id").param("id", sessionId)
                .query(OffsetDateTime.class).optional().orElse(null);
        if (until != null && OffsetDateTime.now(clock).isAfter(until)) {
            throw new Refused("motions.after-deadline", until.atZoneSameInstant(clock.getZone()).toLocalDateTime()
                    .toString().replace('T', ' '));
        }
        var problems = new InvalidInput.Collector();
        if (d.proposer() == null) {
            problems.add("proposer", "input.required", InvalidInput.label("motions.field.proposer"));
        }
        // a motion states its subject, grounds and proposed solution [law: Deputies Law art. 15]
        for (var f : Map.of("subject", Text.blank(d.subject()), "grounds", Text.blank(d.grounds()), "solution",
                Text.blank(d.solution())).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (f.getValue()) {
                problems.add(f.getKey(), "input.required", InvalidInput.label("motions.field." + f.getKey()));
            }
        }
        Long delegation = null;
        List<Long> signers = new ArrayList<>();
        if (d.proposer() == Motion.Proposer.DELEGATION) {
            Optional<Group> g = rosters.groups(term.termId()).stream()
                    .filter(x -> x.kind() == GroupKind.DELEGATION && x.nameZh().equals(Text.orNull(d.delegation()))).findFirst();
            if (g.isEmpty()) {
                problems.add("delegation", "sessions.entry.unknown-group", InvalidInput.label("sessions.group.delegation"),
                        d.delegation() == null ? "" : d.delegation().strip());
            } else {
                delegation = g.get().id();
            }
        } else if (d.proposer() == Motion.Proposer.DEPUTIES) {
            signers = signers(problems, term, d.signers() == null ? List.of() : d.signers());
        }
        problems.throwIfAny();
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from motion where session_id = :s").param("s", sessionId)
                .query(Integer.class).single();
        long id = jdbc.sql("""
                insert into motion (session_id, number, proposer, delegation_id, subject, grounds, solution, submitted_by)
                values (:s, :n, :p, :d, :sub, :g, :sol, :by) returning id""")
                .param("s", sessionId).param("n", number).param("p", d.proposer().name()).param("d", delegation)
                .param("sub", d.subject().strip()).param("g", d.grounds().strip()).param("sol", d.solution().strip())
                .param("by", viewer.username()).query(Long.class).single();
        for (int i = 0; i < signers.size(); i++) {
            jdbc.sql("insert into motion_signer (motion_id, seat_id, position) values (:m, :s, :p)")
                    .param("m", id).param("s", signers.get(i)).param("p", i + 1).update();
        }
        Motion motion = motion(id);
        audit.record("motion.submit", "motion", String.valueOf(id), null, motion);
        return motion;
    }

    /** The co-signing deputies by card number: each on the term's roster, each once, and as many as the level needs. */
    private List<Long> signers(InvalidInput.Collector problems, AssemblyTerm term, List<String> cards) {
        List<Long> ids = new ArrayList<>();
        var seen = new HashSet<String>();
        for (int i = 0; i < cards.size(); i++) {
            String card = cards.get(i) == null ? "" : cards.get(i).strip();
            if (!seen.add(card.toUpperCase(Locale.ROOT))) {
                problems.add("signers[" + i + "]", "motions.signer-repeated", card);
                continue;
            }
            Optional<RosterEntry> e = rosters.find(term.termId(), card).stream()
                    .filter(x -> x.cardNumber().equalsIgnoreCase(card)).findFirst();
            if (e.isEmpty()) {
                problems.add("signers[" + i + "]", "motions.signer-not-deputy", card);
            } else {
                ids.add(e.get().id());
            }
        }
        int required = coSigners.required(term.level());
        if (cards.size() < required) {
            problems.add("signers", "motions.too-few-signers", required,
                    InvalidInput.label("motions.level." + term.level().name()), cards.size());
        }
        return ids;
    }

    /** The presidium's decision: the motion is put on the agenda, or handled as a suggestion. */
    @Transactional
    public Motion decide(Viewer viewer, long id, Motion.State outcome) {
        viewer.require(Permission.CONGRESS_EDIT);
        Motion before = motion(id);
        if (outcome == null || outcome == Motion.State.SUBMITTED) {
            throw new InvalidInput(org.yishi.platform.Violation.of("outcome", "motions.outcome"));
        }
        if (before.state() != Motion.State.SUBMITTED) {
            throw new Refused("motions.decided");
        }
        jdbc.sql("update motion set state = :st, decided_at = now(), decided_by = :by where id = :id")
                .param("st", outcome.name()).param("by", viewer.username()).param("id", id).update();
        Motion after = motion(id);
        audit.record("motion.decide", "motion", String.valueOf(id), before, after);
        return after;
    }
}

package org.yishi.sessions.sitting;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.meetings.Meetings;
import org.yishi.audit.Audit;
import org.yishi.platform.ChineseNumerals;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.platform.Text;
import org.yishi.sessions.Chamber;
import org.yishi.sessions.roster.AssemblyTerm;
import org.yishi.sessions.roster.RosterEntry;
import org.yishi.sessions.roster.Rosters;

/**
 * The sessions of a congress or CPPCC term, their preparatory and plenary meetings and their agenda. The preparatory
 * meeting, once open, elects the presidium and adopts the agenda [law: Local Organic Law art. 17]; no plenary meeting
 * opens before the agenda is adopted. Bad input is refused with every problem and changes nothing; every change is
 * audited.
 */
@Service
@Transactional(readOnly = true)
public class Sessions {

    private final SessionStore store;
    private final Rosters rosters;
    private final Audit audit;
    private final MessageSource messages;
    private final Meetings meetings;

    Sessions(SessionStore store, Rosters rosters, Audit audit, MessageSource messages, Meetings meetings) {
        this.store = store;
        this.meetings = meetings;
        this.rosters = rosters;
        this.audit = audit;
        this.messages = messages;
    }

    public List<Session> sessions(long termId) {
        rosters.term(termId);
        return store.sessions(termId);
    }

    public Session session(long id) {
        return store.session(id).orElseThrow(() -> new NotFound("kind.assembly-session", id));
    }

    public List<Sitting> sittings(long sessionId) {
        session(sessionId);
        return store.sittings(sessionId);
    }

    public Sitting sitting(long id) {
        return store.sitting(id).orElseThrow(() -> new NotFound("kind.session-sitting", id));
    }

    public List<AgendaEntry> agenda(long sessionId) {
        session(sessionId);
        return store.agenda(sessionId);
    }

    public List<RosterEntry> presidium(long sessionId) {
        return store.presidium(session(sessionId).id()).stream().map(rosters::entry).toList();
    }

    /** "鹤山区第十二届人民代表大会第四次会议", "Fourth Session of the 12th People's Congress of Heshan District". */
    public String title(Session session, Locale locale) {
        AssemblyTerm term = rosters.term(session.termId());
        if (locale.getLanguage().equals("en")) {
            String ordinal = messages.getMessage("sessions.ordinal." + session.number(), null,
                    messages.getMessage("sessions.ordinal.other", new Object[] {String.valueOf(session.number())}, locale), locale);
            String body = term.bodyNameEn() == null || term.bodyNameEn().isBlank() ? term.bodyNameZh() : term.bodyNameEn();
            return messages.getMessage("sessions.session.title", new Object[] {ordinal, termOrdinal(term.number()), body}, locale);
        }
        String name = term.bodyNameZh();
        String core = term.chamber() == Chamber.CONGRESS ? "人民代表大会" : "委员会";
        int at = name.lastIndexOf(core);
        String prefix = at < 0 ? name : name.substring(0, at);
        String rest = at < 0 ? "" : name.substring(at);
        return prefix + "第" + ChineseNumerals.of(term.number()) + "届" + rest + "第" + ChineseNumerals.of(session.number()) + "次会议";
    }

    private static String termOrdinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    @Transactional
    public Session create(Viewer viewer, long termId, SittingDrafts.SessionDraft d) {
        viewer.require(Permission.CONGRESS_EDIT);
        AssemblyTerm term = rosters.term(termId);
        var problems = new InvalidInput.Collector();
        if (d.number() == null || d.number() < 1 || d.number() > 99) {
            problems.add("number", "sessions.session.number");
        } else if (store.numberTaken(termId, d.number())) {
            problems.add("number", "sessions.session.number-taken", d.number());
        }
        if (d.opensOn() == null) {
            problems.add("opensOn", "input.required", InvalidInput.label("sessions.field.opens-on"));
        }
        if (d.closesOn() == null) {
            problems.add("closesOn", "input.required", InvalidInput.label("sessions.field.closes-on"));
        }
        if (d.opensOn() != null && d.closesOn() != null) {
            if (d.closesOn().isBefore(d.opensOn())) {
                problems.add("closesOn", "input.dates-reversed");
            } else if (d.opensOn().isBefore(term.startsOn()) || term.endsOn() != null && d.closesOn().isAfter(term.endsOn())) {
                problems.add("opensOn", "sessions.session.outside-term", term.startsOn().toString(),
                        term.endsOn() == null ? "" : term.endsOn().toString());
            }
        }
        if ((d.preparedByMeetingId() == null) != (d.preparedByItemId() == null)) {
            problems.add("preparedByItemId", "sessions.session.prepared-by-both");
        } else if (d.preparedByMeetingId() != null && meetings.find(d.preparedByMeetingId())
                .map(m -> m.items().stream().noneMatch(i -> i.id() == d.preparedByItemId())).orElse(true)) {
            problems.add("preparedByItemId", "sessions.session.prepared-by-unknown", d.preparedByMeetingId(),
                    d.preparedByItemId());
        }
        problems.throwIfAny();
        Session session = session(store.insertSession(termId, d, viewer.username()));
        audit.record("session.create", "assembly_session", String.valueOf(session.id()), null, session);
        return session;
    }

    @Transactional
    public Sitting addSitting(Viewer viewer, long sessionId, SittingDrafts.SittingDraft d) {
        viewer.require(Permission.CONGRESS_EDIT);
        Session session = store.sessionLocked(sessionId).orElseThrow(() -> new NotFound("kind.assembly-session", sessionId));
        var problems = new InvalidInput.Collector();
        int number = 0;
        if (d.kind() == null) {
            problems.add("kind", "input.required", InvalidInput.label("sessions.field.sitting-kind"));
        } else if (d.kind() == Sitting.Kind.PREPARATORY) {
            if (store.sittingTaken(sessionId, Sitting.Kind.PREPARATORY, 0)) {
                problems.add("kind", "sessions.sitting.preparatory-taken");
            }
        } else if (d.number() == null || d.number() < 1 || d.number() > 99) {
            problems.add("number", "sessions.sitting.number");
        } else if (store.sittingTaken(sessionId, Sitting.Kind.PLENARY, d.number())) {
            problems.add("number", "sessions.sitting.number-taken", d.number());
        } else {
            number = d.number();
        }
        if (d.heldOn() == null) {
            problems.add("heldOn", "input.required", InvalidInput.label("sessions.field.held-on"));
        } else if (!session.covers(d.heldOn())) {
            problems.add("heldOn", "sessions.sitting.outside-session", session.opensOn().toString(), session.closesOn().toString());
        }
        problems.throwIfAny();
        Sitting sitting = sitting(store.insertSitting(sessionId, d.kind(), number, d));
        audit.record("session.sitting-add", "session_sitting", String.valueOf(sitting.id()), null, sitting);
        return sitting;
    }

    @Transactional
    public AgendaEntry addAgendaEntry(Viewer viewer, long sessionId, SittingDrafts.AgendaDraft d) {
        viewer.require(Permission.CONGRESS_EDIT);
        Session session = store.sessionLocked(sessionId).orElseThrow(() -> new NotFound("kind.assembly-session", sessionId));
        if (session.agendaAdoptedAt() != null) {
            throw new Refused("sessions.agenda.adopted");
        }
        var problems = new InvalidInput.Collector();
        if (d.kind() == null) {
            problems.add("kind", "input.required", InvalidInput.label("sessions.field.agenda-kind"));
        }
        if (Text.blank(d.titleZh())) {
            problems.add("titleZh", "input.required", InvalidInput.label("sessions.field.title-zh"));
        }
        problems.throwIfAny();
        AgendaEntry entry = store.agendaEntry(store.insertAgendaEntry(sessionId, d)).orElseThrow();
        audit.record("session.agenda-add", "assembly_session", String.valueOf(sessionId), null, entry);
        return entry;
    }

    /** The preparatory meeting elects the presidium: deputies of the term, at least one, each once. */
    @Transactional
    public List<RosterEntry> electPresidium(Viewer viewer, long sessionId, SittingDrafts.PresidiumDraft d) {
        viewer.require(Permission.CONGRESS_EDIT);
        Session session = store.sessionLocked(sessionId).orElseThrow(() -> new NotFound("kind.assembly-session", sessionId));
        requirePreparatoryOpen(session);
        List<Long> ids = d.entryIds() == null ? List.of() : d.entryIds();
        var problems = new InvalidInput.Collector();
        if (ids.isEmpty()) {
            problems.add("entryIds", "sessions.presidium.empty");
        }
        var seen = new HashSet<Long>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (id == null || !seen.add(id)) {
                problems.add("entryIds[" + i + "]", "sessions.presidium.repeated");
            } else if (rosters.entries(session.termId()).stream().noneMatch(e -> e.id() == id)) {
                problems.add("entryIds[" + i + "]", "sessions.presidium.not-on-roster", id);
            }
        }
        problems.throwIfAny();
        List<RosterEntry> before = presidium(sessionId);
        store.replacePresidium(sessionId, ids);
        List<RosterEntry> after = presidium(sessionId);
        audit.record("session.presidium-elect", "assembly_session", String.valueOf(sessionId), before, after);
        return after;
    }

    @Transactional
    public Session adoptAgenda(Viewer viewer, long sessionId) {
        viewer.require(Permission.CONGRESS_EDIT);
        Session session = store.sessionLocked(sessionId).orElseThrow(() -> new NotFound("kind.assembly-session", sessionId));
        requirePreparatoryOpen(session);
        if (session.agendaAdoptedAt() != null) {
            throw new Refused("sessions.agenda.adopted");
        }
        if (store.agenda(sessionId).isEmpty()) {
            throw new Refused("sessions.agenda.empty");
        }
        store.adoptAgenda(sessionId);
        Session after = session(sessionId);
        audit.record("session.agenda-adopt", "assembly_session", String.valueOf(sessionId), session, after);
        return after;
    }

    private void requirePreparatoryOpen(Session session) {
        boolean open = store.sittings(session.id()).stream()
                .anyMatch(s -> s.kind() == Sitting.Kind.PREPARATORY && s.state() == Sitting.State.OPEN);
        if (!open) {
            throw new Refused("sessions.preparatory.not-open");
        }
    }

    /** For the roll call: the session of a sitting, and whether a plenary meeting may open. */
    Session sessionOf(Sitting sitting) {
        return session(sitting.sessionId());
    }
}

package org.yishi.sessions;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Viewer;
import org.yishi.sessions.roster.GroupKind;
import org.yishi.sessions.roster.RosterDrafts;
import org.yishi.sessions.roster.RosterEntry;
import org.yishi.sessions.roster.Rosters;
import org.yishi.sessions.sitting.AgendaEntry;
import org.yishi.sessions.sitting.RollCall;
import org.yishi.sessions.sitting.Sessions;
import org.yishi.sessions.sitting.Sitting;
import org.yishi.sessions.sitting.SittingDrafts;

/**
 * The module's API for other modules (the demo data): set up a congress or CPPCC term with its roster, a session with
 * its agenda, and hold its preparatory meeting, through the same services and rules the pages and the API use. Ids are
 * plain numbers; every step is checked and audited as a user's would be, under the viewer given.
 */
@Service
@Transactional
public class Assemblies {

    private final Rosters rosters;
    private final Sessions sessions;
    private final RollCall rollCall;

    Assemblies(Rosters rosters, Sessions sessions, RollCall rollCall) {
        this.rosters = rosters;
        this.sessions = sessions;
        this.rollCall = rollCall;
    }

    /**
     * A deputy or member to put on a roster: a new person of the directory, with the card number, the delegation or
     * sector, and (CPPCC only) the special committee, which may be null.
     */
    public record Seat(String nameZh, String nameRomanized, String cardNumber, String group, String committee) {
    }

    /**
     * A session to convene: its entered number, days and place, the standing committee's meeting and agenda item that
     * prepared it (may be null), and its agenda: reports heard, then resolutions to decide.
     */
    public record SessionPlan(int number, LocalDate opensOn, LocalDate closesOn, String placeZh, String placeEn,
            Long preparedByMeetingId, Long preparedByItemId, List<String> reportsZh, List<String> resolutionsZh) {
    }

    /** Opens the body's term (taking the directory's term of that number, or making one of five years); its id. */
    public long openTerm(Viewer viewer, long bodyId, int number, LocalDate startsOn) {
        return rosters.openTerm(viewer, new RosterDrafts.TermOpening(bodyId, number, startsOn, null)).termId();
    }

    /** Puts the seats on the term's roster, adding the delegations, sectors and committees they name. */
    public void addToRoster(Viewer viewer, long termId, List<Seat> seats) {
        GroupKind main = rosters.term(termId).groupKind();
        Set<String> groups = new LinkedHashSet<>();
        Set<String> committees = new LinkedHashSet<>();
        seats.forEach(s -> {
            groups.add(s.group());
            if (s.committee() != null) {
                committees.add(s.committee());
            }
        });
        groups.forEach(g -> rosters.addGroup(viewer, termId, new RosterDrafts.GroupDraft(main, g, null)));
        committees.forEach(c -> rosters.addGroup(viewer, termId, new RosterDrafts.GroupDraft(GroupKind.COMMITTEE, c, null)));
        seats.forEach(s -> rosters.addEntry(viewer, termId, new RosterDrafts.EntryDraft(null, s.nameZh(), s.nameRomanized(),
                s.cardNumber(), s.group(), s.committee())));
    }

    /** Convenes the session with its agenda, a preparatory meeting on its first day and a first plenary meeting; its id. */
    public long convene(Viewer viewer, long termId, SessionPlan plan) {
        long id = sessions.create(viewer, termId, new SittingDrafts.SessionDraft(plan.number(), plan.placeZh(),
                plan.placeEn(), plan.opensOn(), plan.closesOn(), plan.preparedByMeetingId(), plan.preparedByItemId())).id();
        plan.reportsZh().forEach(t -> sessions.addAgendaEntry(viewer, id, new SittingDrafts.AgendaDraft(AgendaEntry.Kind.REPORT, t, null)));
        plan.resolutionsZh().forEach(t -> sessions.addAgendaEntry(viewer, id, new SittingDrafts.AgendaDraft(AgendaEntry.Kind.DECISION, t, null)));
        sessions.addSitting(viewer, id, new SittingDrafts.SittingDraft(Sitting.Kind.PREPARATORY, null, plan.opensOn(), null));
        sessions.addSitting(viewer, id, new SittingDrafts.SittingDraft(Sitting.Kind.PLENARY, 1, plan.opensOn(), null));
        return id;
    }

    /**
     * Holds the session's preparatory meeting: every deputy checked in but those on leave (card number → reason) and
     * those absent; opened on its quorum; the first {@code presidium} deputies by card number elected to the
     * presidium; the agenda adopted; closed.
     */
    public void holdPreparatoryMeeting(Viewer viewer, long sessionId, Map<String, String> leave, Set<String> absent,
            int presidium) {
        Sitting preparatory = sessions.sittings(sessionId).stream().filter(s -> s.kind() == Sitting.Kind.PREPARATORY)
                .findFirst().orElseThrow();
        List<RosterEntry> roster = rosters.entries(sessions.session(sessionId).termId());
        for (RosterEntry e : roster) {
            if (leave.containsKey(e.cardNumber())) {
                rollCall.leave(viewer, preparatory.id(), new SittingDrafts.LeaveDraft(null, e.id(), leave.get(e.cardNumber())));
            } else if (!absent.contains(e.cardNumber())) {
                rollCall.checkIn(viewer, preparatory.id(), new SittingDrafts.CheckInDraft(null, e.id()));
            }
        }
        rollCall.open(viewer, preparatory.id());
        sessions.electPresidium(viewer, sessionId, new SittingDrafts.PresidiumDraft(roster.stream()
                .sorted(java.util.Comparator.comparing(RosterEntry::cardNumber)).limit(presidium).map(RosterEntry::id).toList()));
        sessions.adoptAgenda(viewer, sessionId);
        rollCall.close(viewer, preparatory.id());
    }
}

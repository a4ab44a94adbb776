package org.yishi.meetings;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.audit.Audit;
import org.springframework.security.access.AccessDeniedException;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.directory.Person;
import org.yishi.directory.Term;
import org.yishi.platform.Bilingual;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Text;

/**
 * The meetings API: plan (record) a meeting, revise it, read it back. A meeting is checked as a whole against the
 * directory before anything is written: it must fall within a term of its body, the presiding person must be
 * present, nobody may be both present and on leave, and only members of the body may be present or on leave as
 * members. On any problem an {@link InvalidInput} lists them all and nothing is saved. Planning and revising are
 * recorded in the audit log with the meeting before and after.
 */
@Service
@Transactional(readOnly = true)
public class Meetings {

    private final MeetingStore store;
    private final Directory directory;
    private final Audit audit;
    private final Directives directives;

    Meetings(MeetingStore store, Directory directory, Audit audit, Directives directives) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
        this.directives = directives;
    }

    public Meeting meeting(long id) {
        return store.find(id).orElseThrow(() -> new NotFound("kind.meeting", id));
    }

    public Optional<Meeting> find(long id) {
        return store.find(id);
    }

    /**
     * The meetings whose readouts may be published, newest first, optionally of one body only: those held and
     * closed. A meeting not yet held has no readout for the public; its agenda is not public yet.
     */
    public List<MeetingSummary> listClosed(Long bodyId, int limit, int offset) {
        return store.list(bodyId, null, true, Math.clamp(limit, 1, 500), Math.max(0, offset));
    }

    public long countClosed(Long bodyId) {
        return store.count(bodyId, null, true);
    }

    // ---------------------------------------------------------------- what a viewer may see

    /** The meetings the viewer may see, newest first: all, or those of the terms in which they are a member. */
    public List<MeetingSummary> list(Viewer viewer, Long bodyId, int limit, int offset) {
        return store.list(bodyId, visibleTerms(viewer), Math.clamp(limit, 1, 500), Math.max(0, offset));
    }

    public long count(Viewer viewer, Long bodyId) {
        return store.count(bodyId, visibleTerms(viewer));
    }

    /** null: every term; otherwise the terms whose meetings the viewer may see (possibly none). */
    private Long[] visibleTerms(Viewer viewer) {
        if (viewer.can(Permission.MEETING_READ_ALL)) {
            return null;
        }
        if (viewer.can(Permission.MEETING_READ) && viewer.personId() != null) {
            return directory.termsOf(viewer.personId()).toArray(Long[]::new);
        }
        return new Long[0];
    }

    /**
     * The meeting as this viewer may see it: unknown to them (NotFound) unless they may read all meetings or are a
     * member of the body in the meeting's term; internal and confidential items only with the permission for them.
     */
    public Meeting meetingFor(Viewer viewer, long id) {
        Meeting m = store.find(id).filter(found -> visible(viewer, found)).orElseThrow(() -> new NotFound("kind.meeting", id));
        List<AgendaItem> items = m.items().stream().filter(i -> readable(viewer, i.visibility())).toList();
        items.stream().filter(i -> i.visibility() == Visibility.CONFIDENTIAL).forEach(i -> audit.record(
                "item.read-confidential", "agenda_item", String.valueOf(i.id()), null, Map.of("meeting", id)));
        return m.withItems(items);
    }

    /**
     * Whether the viewer may see the meeting at all, without reading (or auditing) its items: for a page that asks
     * again and again whether anything changed.
     */
    public boolean visibleTo(Viewer viewer, long id) {
        return store.find(id).filter(found -> visible(viewer, found)).isPresent();
    }

    private boolean visible(Viewer viewer, Meeting m) {
        if (viewer.can(Permission.MEETING_READ_ALL)) {
            return true;
        }
        return viewer.can(Permission.MEETING_READ) && viewer.personId() != null
                && directory.termsOf(viewer.personId()).contains(m.termId());
    }

    private static boolean readable(Viewer viewer, Visibility visibility) {
        return switch (visibility) {
            case PUBLIC -> true;
            case INTERNAL -> viewer.can(Permission.ITEM_READ_INTERNAL);
            case CONFIDENTIAL -> viewer.can(Permission.ITEM_READ_CONFIDENTIAL);
        };
    }

    /**
     * Revises a meeting for a viewer who may see all of it; one who may not see every item may not revise it, since
     * the revision replaces the whole agenda.
     */
    @Transactional
    public Meeting reviseAs(Viewer viewer, long id, MeetingDraft draft) {
        editableFor(viewer, id);
        return revise(id, draft);
    }

    /** The whole meeting, when the viewer may see all of it; refused (access denied) when some item is hidden. */
    public Meeting editableFor(Viewer viewer, long id) {
        Meeting seen = meetingFor(viewer, id);
        if (seen.items().size() != meeting(id).items().size()) {
            throw new AccessDeniedException("items hidden from the viewer");
        }
        return seen;
    }

    /**
     * Plans a meeting as a draft. It is numbered when notified ({@link Procedure#notify}); a past meeting's number
     * may be given now.
     */
    @Transactional
    public Meeting plan(MeetingDraft draft) {
        Term term = check(draft, null);
        Integer sequence = draft.sequence();
        Meeting meeting = meeting(store.insert(draft, term.id(), sequence));
        audit.record("meeting.plan", "meeting", String.valueOf(meeting.id()), null, meeting);
        return meeting;
    }

    /**
     * Revises a meeting before it is held. Once notified its number is fixed: it stays in its body and term and keeps
     * its number. A meeting being held or held is changed only through {@link Procedure}.
     */
    @Transactional
    public Meeting revise(long id, MeetingDraft draft) {
        store.lock(id);
        Meeting current = meeting(id);
        Steps.require(Steps.Step.REVISE, current.state());
        Term term = check(draft, current);
        Integer sequence;
        if (current.state() == MeetingState.NOTIFIED) {
            var fixed = new InvalidInput.Collector();
            if (term.id() != current.termId() || draft.bodyId() != current.bodyId()) {
                fixed.add("date", "meetings.notified-term-fixed");
            }
            if (draft.sequence() != null && !draft.sequence().equals(current.sequence())) {
                fixed.add("sequence", "meetings.notified-number-fixed", current.sequence());
            }
            fixed.throwIfAny();
            sequence = current.sequence();
        } else if (draft.sequence() != null) {
            sequence = draft.sequence();
        } else if (term.id() == current.termId()) {
            sequence = current.sequence();
        } else {
            sequence = null;
        }
        store.update(id, draft, term.id(), sequence);
        Meeting revised = meeting(id);
        audit.record("meeting.revise", "meeting", String.valueOf(id), current, revised);
        return revised;
    }

    private Term check(MeetingDraft d, Meeting current) {
        var problems = new InvalidInput.Collector();
        Body body = body(d, problems);
        Term term = term(d, body, current, problems);
        Map<Long, Person> people = attendance(d, problems);
        if (term != null) {
            membersOnly(d, body, people, problems);
        }
        presiding(d, people, problems);
        groupsAndItems(d, body, current, problems);
        problems.throwIfAny();
        return term;
    }

    private Body body(MeetingDraft d, InvalidInput.Collector problems) {
        if (d.bodyId() == null) {
            problems.add("bodyId", "input.required", label("kind.body"));
            return null;
        }
        Body body = directory.findBody(d.bodyId()).orElse(null);
        if (body == null) {
            problems.add("bodyId", "input.unknown", label("kind.body"), d.bodyId());
        }
        return body;
    }

    /** The term the meeting falls in, and its number within it when one is given. */
    private Term term(MeetingDraft d, Body body, Meeting current, InvalidInput.Collector problems) {
        if (d.date() == null) {
            problems.add("date", "input.required", label("field.date"));
        }
        Term term = null;
        if (body != null && d.date() != null) {
            term = directory.termOn(body.id(), d.date()).orElse(null);
            if (term == null) {
                problems.add("date", "meetings.no-term", bodyName(body), d.date());
            }
        }
        if (term != null) {
            store.lockTerm(term.id()); // numbers within a term are checked and handed out one meeting at a time
        }
        if (term != null && d.sequence() != null) {
            if (d.sequence() < 1) {
                problems.add("sequence", "meetings.sequence-positive");
            } else if (store.sequenceTaken(term.id(), d.sequence(), current == null ? null : current.id())) {
                problems.add("sequence", "meetings.sequence-taken", d.sequence());
            }
        }
        return term;
    }

    /** Everybody named must exist and appear once only; those on leave give a reason. The people found, by id. */
    private Map<Long, Person> attendance(MeetingDraft d, InvalidInput.Collector problems) {
        Set<Long> named = new HashSet<>();
        d.present().forEach(named::add);
        d.onLeave().stream().map(Leave::personId).forEach(named::add);
        named.addAll(d.inAttendance());
        if (d.presidingPersonId() != null) {
            named.add(d.presidingPersonId());
        }
        if (d.entrustedById() != null) {
            named.add(d.entrustedById());
        }
        named.remove(null);
        Map<Long, Person> people = new HashMap<>();
        for (Long id : named) {
            directory.findPerson(id).ifPresent(p -> people.put(id, p));
        }
        Map<Long, String> seen = new HashMap<>();
        checkPeople(problems, "present", d.present(), people, seen);
        checkPeople(problems, "onLeave", d.onLeave().stream().map(Leave::personId).toList(), people, seen);
        checkPeople(problems, "inAttendance", d.inAttendance(), people, seen);
        for (int i = 0; i < d.onLeave().size(); i++) {
            if (Text.blank(d.onLeave().get(i).reason())) {
                problems.add("onLeave[" + i + "].reason", "meetings.leave-reason", name(people, d.onLeave().get(i).personId()));
            }
        }
        return people;
    }

    /** Only members of the body on the day are present or on leave as members. */
    private void membersOnly(MeetingDraft d, Body body, Map<Long, Person> people, InvalidInput.Collector problems) {
        Set<Long> members = directory.membersOn(body.id(), d.date());
        for (int i = 0; i < d.present().size(); i++) {
            Long p = d.present().get(i);
            if (p != null && people.containsKey(p) && !members.contains(p)) {
                problems.add("present[" + i + "]", "meetings.not-a-member", name(people, p), bodyName(body), d.date());
            }
        }
        for (int i = 0; i < d.onLeave().size(); i++) {
            Long p = d.onLeave().get(i).personId();
            if (p != null && people.containsKey(p) && !members.contains(p)) {
                problems.add("onLeave[" + i + "].personId", "meetings.not-a-member", name(people, p), bodyName(body), d.date());
            }
        }
    }

    /** The presiding person is present; whoever entrusted him is somebody else, and absent. */
    private static void presiding(MeetingDraft d, Map<Long, Person> people, InvalidInput.Collector problems) {
        if (d.presidingPersonId() == null) {
            problems.add("presidingPersonId", "input.required", label("field.presiding"));
        } else if (!people.containsKey(d.presidingPersonId())) {
            problems.add("presidingPersonId", "input.unknown", label("kind.person"), d.presidingPersonId());
        } else if (!d.present().contains(d.presidingPersonId())) {
            problems.add("presidingPersonId", "meetings.presiding-not-present", name(people, d.presidingPersonId()));
        }
        if (d.entrustedById() != null) {
            if (!people.containsKey(d.entrustedById())) {
                problems.add("entrustedById", "input.unknown", label("kind.person"), d.entrustedById());
            } else if (d.entrustedById().equals(d.presidingPersonId())) {
                problems.add("entrustedById", "meetings.entrusted-self");
            } else if (d.present().contains(d.entrustedById())) {
                problems.add("entrustedById", "meetings.entrusting-present", name(people, d.entrustedById()));
            }
        }
    }

    /** Groups sitting in have a label; items a kind and a wording, a directive of the body, and ids of their own. */
    private void groupsAndItems(MeetingDraft d, Body body, Meeting current, InvalidInput.Collector problems) {
        for (int i = 0; i < d.groups().size(); i++) {
            AttendingGroup g = d.groups().get(i);
            if (g == null || (Text.blank(g.labelZh()) && Text.blank(g.labelEn()))) {
                problems.add("groups[" + i + "]", "meetings.group-label");
            }
        }
        Set<Long> ownItems = current == null ? Set.of() : store.itemIds(current.id());
        Set<Long> itemIdsSeen = new HashSet<>();
        for (int i = 0; i < d.items().size(); i++) {
            ItemDraft item = d.items().get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                problems.add(at, "input.required", label("kind.item"));
                continue;
            }
            if (item.kind() == null) {
                problems.add(at + ".kind", "input.required", label("field.itemKind"));
            }
            if (Text.blank(item.titleZh()) && Text.blank(item.titleEn())) {
                problems.add(at + ".titleZh", "meetings.item-title", i + 1);
            }
            if (item.directiveId() != null && body != null && directives.find(item.directiveId())
                    .filter(dir -> dir.bodyId() == d.bodyId()).isEmpty()) {
                problems.add(at + ".directiveId", "meetings.item-directive", i + 1);
            }
            if (item.id() != null && !ownItems.contains(item.id())) {
                problems.add(at + ".id", "meetings.item-foreign", item.id());
            } else if (item.id() != null && !itemIdsSeen.add(item.id())) {
                problems.add(at + ".id", "meetings.item-twice", item.id());
            }
        }
    }

    private static void checkPeople(InvalidInput.Collector problems, String field, List<Long> ids,
            Map<Long, Person> people, Map<Long, String> seen) {
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            String at = field.equals("onLeave") ? field + "[" + i + "].personId" : field + "[" + i + "]";
            if (id == null) {
                problems.add(at, "input.required", label("kind.person"));
                continue;
            }
            if (!people.containsKey(id)) {
                problems.add(at, "input.unknown", label("kind.person"), id);
                continue;
            }
            String before = seen.putIfAbsent(id, field);
            if (before != null) {
                if (before.equals(field)) {
                    problems.add(at, "meetings.listed-twice", name(people, id), label("role." + field));
                } else {
                    problems.add(at, "meetings.two-roles", name(people, id), label("role." + before), label("role." + field));
                }
            }
        }
    }

    private static Bilingual name(Map<Long, Person> people, Long id) {
        Person p = people.get(id);
        return p == null ? new Bilingual(String.valueOf(id), String.valueOf(id)) : new Bilingual(p.nameZh(), p.nameRomanized());
    }

    private static Bilingual bodyName(Body body) {
        return new Bilingual(body.runningNameZh(), body.nameEn());
    }

    private static DefaultMessageSourceResolvable label(String code) {
        return new DefaultMessageSourceResolvable(code);
    }

    /** The date's term for a body, for callers that want to show it before planning. */
    public Optional<Term> termOn(long bodyId, LocalDate date) {
        return directory.termOn(bodyId, date);
    }
}

package org.yishi.sessions.roster;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewer;
import org.yishi.audit.Audit;
import org.yishi.directory.Body;
import org.yishi.directory.Directory;
import org.yishi.directory.Membership;
import org.yishi.directory.MembershipDraft;
import org.yishi.directory.PersonDraft;
import org.yishi.directory.Term;
import org.yishi.directory.TermDraft;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Refused;
import org.yishi.platform.Text;
import org.yishi.sessions.Chamber;

/**
 * Congress and CPPCC terms and their rosters: open a term, keep its delegations, sectors and special committees, put
 * people on the roster (each also a member of the directory's term) and take them off. Bad input is refused with every
 * problem and changes nothing; every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class Rosters {

    /** The years a term lasts [law: Local Organic Law art. 9; CPPCC charter art. 37]. */
    static final int TERM_YEARS = 5;
    static final Pattern CARD_NUMBER = Pattern.compile("[0-9A-Za-z-]{1,20}");

    private final RosterStore store;
    private final Directory directory;
    private final Audit audit;

    Rosters(RosterStore store, Directory directory, Audit audit) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
    }

    public List<AssemblyTerm> terms() {
        return store.terms();
    }

    public AssemblyTerm term(long termId) {
        return store.term(termId).orElseThrow(() -> new NotFound("kind.assembly-term", termId));
    }

    public List<Group> groups(long termId) {
        term(termId);
        return store.groups(termId);
    }

    public List<RosterEntry> entries(long termId) {
        term(termId);
        return store.entries(termId);
    }

    public RosterEntry entry(long id) {
        return store.entry(id).orElseThrow(() -> new NotFound("kind.roster-entry", id));
    }

    public Optional<RosterEntry> findEntry(long id) {
        return store.entry(id);
    }

    /** How many are on the term's roster. */
    public int count(long termId) {
        return store.count(termId);
    }

    /** The entries found by card number (exactly, any case) or by full name. */
    public List<RosterEntry> find(long termId, String text) {
        return Text.blank(text) ? List.of() : store.find(termId, text.strip());
    }

    @Transactional
    public AssemblyTerm openTerm(Viewer viewer, RosterDrafts.TermOpening opening) {
        viewer.require(Permission.CONGRESS_EDIT);
        var problems = new InvalidInput.Collector();
        Chamber chamber = null;
        if (opening.bodyId() == null) {
            problems.add("bodyId", "input.required", InvalidInput.label("kind.body"));
        } else {
            Optional<Body> body = directory.findBody(opening.bodyId());
            if (body.isEmpty()) {
                problems.add("bodyId", "input.unknown", InvalidInput.label("kind.body"), opening.bodyId());
            } else {
                chamber = switch (body.get().kind()) {
                    case CONGRESS -> Chamber.CONGRESS;
                    case CPPCC -> Chamber.CONFERENCE;
                    default -> null;
                };
                if (chamber == null) {
                    problems.add("bodyId", "sessions.term.body-kind", body.get().nameZh());
                }
            }
        }
        if (opening.number() == null || opening.number() < 1 || opening.number() > 99) {
            problems.add("number", "sessions.term.number");
        }
        problems.throwIfAny();
        Term term = directory.terms(opening.bodyId()).stream().filter(t -> t.number() == opening.number()).findFirst()
                .orElse(null);
        if (term == null) {
            if (opening.startsOn() == null) {
                throw new InvalidInput(org.yishi.platform.Violation.of("startsOn", "input.required",
                        InvalidInput.label("field.startsOn")));
            }
            term = directory.createTerm(opening.bodyId(), new TermDraft(opening.number(), opening.startsOn(),
                    opening.startsOn().plusYears(TERM_YEARS).minusDays(1)));
        } else if (store.term(term.id()).isPresent()) {
            throw new Refused("sessions.term.already-open", opening.number());
        }
        AssemblyTerm.Level level = opening.level() == null || chamber == Chamber.CONFERENCE ? AssemblyTerm.Level.COUNTY
                : opening.level();
        store.insertTerm(term.id(), chamber, level, viewer.username());
        AssemblyTerm opened = term(term.id());
        audit.record("roster.term-open", "assembly_term", String.valueOf(term.id()), null, opened);
        return opened;
    }

    @Transactional
    public Group addGroup(Viewer viewer, long termId, RosterDrafts.GroupDraft draft) {
        viewer.require(Permission.CONGRESS_EDIT);
        AssemblyTerm term = term(termId);
        store.lockTerm(termId);
        var problems = new InvalidInput.Collector();
        if (draft.kind() == null) {
            problems.add("kind", "input.required", InvalidInput.label("sessions.field.group-kind"));
        } else if (!fits(term, draft.kind())) {
            problems.add("kind", "sessions.group.kind-" + term.chamber().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (Text.blank(draft.nameZh())) {
            problems.add("nameZh", "input.required", InvalidInput.label("field.nameZh"));
        } else if (draft.kind() != null && store.group(termId, draft.kind(), draft.nameZh().strip()).isPresent()) {
            problems.add("nameZh", "sessions.group.name-taken", draft.nameZh().strip());
        }
        problems.throwIfAny();
        return createGroup(termId, draft.kind(), draft.nameZh().strip(), Text.orNull(draft.nameEn()));
    }

    static boolean fits(AssemblyTerm term, GroupKind kind) {
        return term.chamber() == Chamber.CONGRESS ? kind == GroupKind.DELEGATION : kind != GroupKind.DELEGATION;
    }

    Group createGroup(long termId, GroupKind kind, String nameZh, String nameEn) {
        long id = store.insertGroup(termId, kind, nameZh, nameEn);
        Group group = store.groups(termId).stream().filter(g -> g.id() == id).findFirst().orElseThrow();
        audit.record("roster.group-create", "assembly_group", String.valueOf(id), null, group);
        return group;
    }

    /** Puts a person on the roster; a new person is added to the directory first. */
    @Transactional
    public RosterEntry addEntry(Viewer viewer, long termId, RosterDrafts.EntryDraft draft) {
        viewer.require(Permission.CONGRESS_EDIT);
        AssemblyTerm term = term(termId);
        store.lockTerm(termId);
        var problems = new InvalidInput.Collector();
        checkCard(problems, termId, draft.cardNumber(), null);
        if (draft.personId() != null) {
            if (directory.findPerson(draft.personId()).isEmpty()) {
                problems.add("personId", "input.unknown", InvalidInput.label("kind.person"), draft.personId());
            } else if (store.onRoster(termId, draft.personId())) {
                problems.add("personId", "sessions.entry.person-on-roster", directory.person(draft.personId()).name(false));
            }
        } else if (Text.blank(draft.nameZh()) && Text.blank(draft.nameRomanized())) {
            problems.add("nameZh", "directory.person.name-required");
        }
        Group group = groupOf(problems, term, draft.group(), draft.committee(), false);
        Group committee = groupOf(problems, term, draft.group(), draft.committee(), true);
        problems.throwIfAny();
        long personId = draft.personId() != null ? draft.personId()
                : directory.createPerson(new PersonDraft(Text.orNull(draft.nameZh()), Text.orNull(draft.nameRomanized()))).id();
        return insert(viewer, termId, personId, draft.cardNumber().strip(), group, committee);
    }

    RosterEntry insert(Viewer viewer, long termId, long personId, String cardNumber, Group group, Group committee) {
        long id = store.insertEntry(termId, personId, cardNumber, group == null ? null : group.id(),
                committee == null ? null : committee.id(), viewer.username());
        if (directory.members(termId).stream().noneMatch(m -> m.personId() == personId)) {
            directory.addMember(termId, new MembershipDraft(personId, null, null));
        }
        RosterEntry entry = entry(id);
        audit.record("roster.entry-create", "assembly_seat", String.valueOf(id), null, entry);
        return entry;
    }

    @Transactional
    public RosterEntry updateEntry(Viewer viewer, long id, RosterDrafts.EntryDraft draft) {
        viewer.require(Permission.CONGRESS_EDIT);
        RosterEntry before = entry(id);
        AssemblyTerm term = term(before.termId());
        store.lockTerm(term.termId());
        var problems = new InvalidInput.Collector();
        checkCard(problems, term.termId(), draft.cardNumber(), id);
        Group group = groupOf(problems, term, draft.group(), draft.committee(), false);
        Group committee = groupOf(problems, term, draft.group(), draft.committee(), true);
        problems.throwIfAny();
        store.updateEntry(id, draft.cardNumber().strip(), group == null ? null : group.id(),
                committee == null ? null : committee.id(), viewer.username());
        RosterEntry after = entry(id);
        audit.record("roster.entry-update", "assembly_seat", String.valueOf(id), before, after);
        return after;
    }

    /** Takes a person off the roster (and out of the directory's term); refused once they were called in a roll call. */
    @Transactional
    public void removeEntry(Viewer viewer, long id) {
        viewer.require(Permission.CONGRESS_EDIT);
        RosterEntry before = entry(id);
        store.lockTerm(before.termId());
        if (store.inRollCall(id)) {
            throw new Refused("sessions.entry.in-roll-call", before.name(false));
        }
        store.deleteEntry(id);
        directory.members(before.termId()).stream().filter(m -> m.personId() == before.personId())
                .map(Membership::id).forEach(directory::removeMember);
        audit.record("roster.entry-remove", "assembly_seat", String.valueOf(id), before, null);
    }

    private void checkCard(InvalidInput.Collector problems, long termId, String card, Long exceptId) {
        if (Text.blank(card)) {
            problems.add("cardNumber", "input.required", InvalidInput.label("sessions.field.card-number"));
        } else if (!CARD_NUMBER.matcher(card.strip()).matches()) {
            problems.add("cardNumber", "sessions.entry.card-format", card.strip());
        } else if (store.cardTaken(termId, card.strip(), exceptId)) {
            problems.add("cardNumber", "sessions.entry.card-taken", card.strip());
        }
    }

    /** The entry's delegation or sector (required), or its special committee (CPPCC only, optional), by name. */
    private Group groupOf(InvalidInput.Collector problems, AssemblyTerm term, String group, String committee,
            boolean ofCommittee) {
        String name = ofCommittee ? committee : group;
        String field = ofCommittee ? "committee" : "group";
        GroupKind kind = ofCommittee ? GroupKind.COMMITTEE : term.groupKind();
        if (Text.blank(name)) {
            if (!ofCommittee) {
                problems.add(field, "input.required", InvalidInput.label("sessions.group." + kind.name().toLowerCase(java.util.Locale.ROOT)));
            }
            return null;
        }
        if (ofCommittee && term.chamber() == Chamber.CONGRESS) {
            problems.add(field, "sessions.entry.committee-congress");
            return null;
        }
        Optional<Group> found = store.group(term.termId(), kind, name.strip());
        if (found.isEmpty()) {
            problems.add(field, "sessions.entry.unknown-group",
                    InvalidInput.label("sessions.group." + kind.name().toLowerCase(java.util.Locale.ROOT)), name.strip());
        }
        return found.orElse(null);
    }
}

package org.yishi.directory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yishi.audit.Audit;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.NotFound;
import org.yishi.platform.Text;

/**
 * The directory's API: read and change bodies, terms, people, offices, memberships and units. Every change is
 * validated as a whole: on bad input an {@link InvalidInput} lists each problem and nothing is saved. Unknown ids
 * raise {@link NotFound}. Every change is recorded in the audit log with the state before and after.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

    private final Bodies bodies;
    private final People people;
    private final Units units;
    private final Audit audit;

    Directory(Bodies bodies, People people, Units units, Audit audit) {
        this.bodies = bodies;
        this.people = people;
        this.units = units;
        this.audit = audit;
    }

    // ---- bodies and terms

    public List<Body> bodies() {
        return bodies.all();
    }

    public Body body(long id) {
        return bodies.find(id).orElseThrow(() -> new NotFound("kind.body", id));
    }

    public Optional<Body> findBody(long id) {
        return bodies.find(id);
    }

    @Transactional
    public Body createBody(BodyDraft draft) {
        check(draft, null);
        Body body = body(bodies.insert(draft));
        audit.record("body.create", "body", String.valueOf(body.id()), null, body);
        return body;
    }

    @Transactional
    public Body updateBody(long id, BodyDraft draft) {
        Body before = bodies.findLocked(id).orElseThrow(() -> new NotFound("kind.body", id));
        check(draft, id);
        bodies.update(id, draft);
        Body after = body(id);
        audit.record("body.update", "body", String.valueOf(id), before, after);
        return after;
    }

    private void check(BodyDraft d, Long id) {
        var problems = new InvalidInput.Collector();
        if (d.kind() == null) {
            problems.add("kind", "input.required", label("field.kind"));
        }
        if (Text.blank(d.nameZh())) {
            problems.add("nameZh", "input.required", label("field.nameZh"));
        }
        if (d.parentId() != null) {
            if (d.parentId().equals(id)) {
                problems.add("parentId", "directory.body.parent-self");
            } else if (bodies.find(d.parentId()).isEmpty()) {
                problems.add("parentId", "input.unknown", label("kind.body"), d.parentId());
            } else if (id != null && belongsTo(d.parentId(), id)) {
                problems.add("parentId", "directory.body.parent-loop");
            }
        }
        problems.throwIfAny();
    }

    /** Whether the body is, directly or through its parents, part of the other one. */
    private boolean belongsTo(long bodyId, long ancestorId) {
        Set<Long> seen = new java.util.HashSet<>();
        Long current = bodyId;
        while (current != null && seen.add(current)) {
            if (current == ancestorId) {
                return true;
            }
            current = bodies.find(current).map(Body::parentId).orElse(null);
        }
        return false;
    }

    public List<Term> terms(long bodyId) {
        body(bodyId);
        return bodies.terms(bodyId);
    }

    public Term term(long id) {
        return bodies.term(id).orElseThrow(() -> new NotFound("kind.term", id));
    }

    /** The body's term that covers the date, if one is recorded. */
    public Optional<Term> termOn(long bodyId, LocalDate date) {
        return bodies.termOn(bodyId, date);
    }

    @Transactional
    public Term createTerm(long bodyId, TermDraft draft) {
        body(bodyId);
        bodies.lock(bodyId);
        check(bodyId, draft, null);
        Term term = term(bodies.insertTerm(bodyId, draft));
        audit.record("term.create", "term", String.valueOf(term.id()), null, term);
        return term;
    }

    @Transactional
    public Term updateTerm(long termId, TermDraft draft) {
        long bodyId = term(termId).bodyId();
        bodies.lock(bodyId);
        Term before = term(termId); // read again under the body's lock, which every change to its terms takes
        check(bodyId, draft, termId);
        bodies.updateTerm(termId, draft);
        Term after = term(termId);
        audit.record("term.update", "term", String.valueOf(termId), before, after);
        return after;
    }

    private void check(long bodyId, TermDraft d, Long termId) {
        var problems = new InvalidInput.Collector();
        if (d.number() == null || d.number() < 1) {
            problems.add("number", "directory.term.number");
        }
        if (d.startsOn() == null) {
            problems.add("startsOn", "input.required", label("field.startsOn"));
        }
        if (d.startsOn() != null && d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
            problems.add("endsOn", "input.dates-reversed");
        }
        if (problems.isEmpty()) {
            for (Term other : bodies.terms(bodyId)) {
                if (termId != null && other.id() == termId) {
                    continue;
                }
                if (other.number() == d.number()) {
                    problems.add("number", "directory.term.number-taken", d.number());
                }
                boolean overlaps = (other.endsOn() == null || !d.startsOn().isAfter(other.endsOn()))
                        && (d.endsOn() == null || !d.endsOn().isBefore(other.startsOn()));
                if (overlaps) {
                    problems.add("startsOn", "directory.term.overlap", other.number());
                }
            }
        }
        problems.throwIfAny();
    }

    // ---- membership

    public List<Membership> members(long termId) {
        term(termId);
        return bodies.members(termId);
    }

    /** Ids of the people who are members of the body on that date (through the term covering it). */
    public Set<Long> membersOn(long bodyId, LocalDate date) {
        Set<Long> ids = new LinkedHashSet<>();
        bodies.termOn(bodyId, date).ifPresent(term -> bodies.members(term.id()).stream()
                .filter(m -> m.activeOn(date)).forEach(m -> ids.add(m.personId())));
        return ids;
    }

    /** Ids of the terms (of any body) in which the person is a member. */
    public Set<Long> termsOf(long personId) {
        return Set.copyOf(bodies.termsOf(personId));
    }

    @Transactional
    public Membership addMember(long termId, MembershipDraft draft) {
        term(termId);
        var problems = new InvalidInput.Collector();
        if (draft.personId() == null) {
            problems.add("personId", "input.required", label("kind.person"));
        } else if (people.find(draft.personId()).isEmpty()) {
            problems.add("personId", "input.unknown", label("kind.person"), draft.personId());
        }
        if (draft.startsOn() != null && draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
            problems.add("endsOn", "input.dates-reversed");
        }
        problems.throwIfAny();
        Membership before = bodies.membershipLocked(termId, draft.personId()).orElse(null);
        long id = bodies.insertMember(termId, draft);
        Membership after = bodies.membership(id).orElseThrow();
        audit.record(before == null ? "membership.create" : "membership.update", "membership", String.valueOf(id),
                before, after);
        return after;
    }

    @Transactional
    public void removeMember(long membershipId) {
        Membership before = bodies.deleteMember(membershipId)
                .orElseThrow(() -> new NotFound("kind.membership", membershipId));
        audit.record("membership.remove", "membership", String.valueOf(membershipId), before, null);
    }

    // ---- people and offices

    public List<Person> people() {
        return people.all();
    }

    public Person person(long id) {
        return people.find(id).orElseThrow(() -> new NotFound("kind.person", id));
    }

    public Optional<Person> findPerson(long id) {
        return people.find(id);
    }

    @Transactional
    public Person createPerson(PersonDraft draft) {
        check(draft);
        Person person = person(people.insert(draft));
        audit.record("person.create", "person", String.valueOf(person.id()), null, person);
        return person;
    }

    @Transactional
    public Person updatePerson(long id, PersonDraft draft) {
        Person before = people.findLocked(id).orElseThrow(() -> new NotFound("kind.person", id));
        check(draft);
        people.update(id, draft);
        Person after = person(id);
        audit.record("person.update", "person", String.valueOf(id), before, after);
        return after;
    }

    private static void check(PersonDraft d) {
        if (Text.blank(d.nameZh()) && Text.blank(d.nameRomanized())) {
            throw new InvalidInput(List.of(
                    org.yishi.platform.Violation.of("nameZh", "directory.person.name-required"),
                    org.yishi.platform.Violation.of("nameRomanized", "directory.person.name-required")));
        }
    }

    public List<Office> offices(long personId) {
        person(personId);
        return people.offices(personId);
    }

    public Office office(long id) {
        return people.office(id).orElseThrow(() -> new NotFound("kind.office", id));
    }

    @Transactional
    public Office createOffice(long personId, OfficeDraft draft) {
        person(personId);
        check(draft);
        Office office = office(people.insertOffice(personId, draft));
        audit.record("office.create", "office", String.valueOf(office.id()), null, office);
        return office;
    }

    @Transactional
    public Office updateOffice(long officeId, OfficeDraft draft) {
        Office before = people.officeLocked(officeId).orElseThrow(() -> new NotFound("kind.office", officeId));
        check(draft);
        people.updateOffice(officeId, draft);
        Office after = office(officeId);
        audit.record("office.update", "office", String.valueOf(officeId), before, after);
        return after;
    }

    @Transactional
    public void removeOffice(long officeId) {
        Office before = people.deleteOffice(officeId).orElseThrow(() -> new NotFound("kind.office", officeId));
        audit.record("office.remove", "office", String.valueOf(officeId), before, null);
    }

    private void check(OfficeDraft d) {
        var problems = new InvalidInput.Collector();
        if (d.bodyId() == null) {
            problems.add("bodyId", "input.required", label("kind.body"));
        } else if (bodies.find(d.bodyId()).isEmpty()) {
            problems.add("bodyId", "input.unknown", label("kind.body"), d.bodyId());
        }
        if (Text.blank(d.titleZh())) {
            problems.add("titleZh", "input.required", label("field.titleZh"));
        }
        if (d.protocolRank() == null) {
            problems.add("protocolRank", "input.required", label("field.protocolRank"));
        }
        if (d.startsOn() != null && d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
            problems.add("endsOn", "input.dates-reversed");
        }
        problems.throwIfAny();
    }

    /**
     * How each of these people stands on the date: names and the office placing them highest in protocol order.
     * Unknown ids are left out of the map.
     */
    public Map<Long, PersonStanding> standingsOn(LocalDate date, Collection<Long> personIds) {
        Map<Long, PersonStanding> result = new HashMap<>();
        Map<Long, People.RankedOffice> best = new HashMap<>();
        for (People.RankedOffice ranked : people.officesOn(personIds, date)) {
            best.putIfAbsent(ranked.office().personId(), ranked); // rows come best first per person
        }
        for (Person p : people.find(personIds)) {
            People.RankedOffice top = best.get(p.id());
            result.put(p.id(), new PersonStanding(p, top == null ? null : top.office(), top == null ? 0 : top.bodyRank()));
        }
        return result;
    }

    // ---- units

    public List<Unit> units() {
        return units.all();
    }

    public Unit unit(long id) {
        return units.find(id).orElseThrow(() -> new NotFound("kind.unit", id));
    }

    @Transactional
    public Unit createUnit(UnitDraft draft) {
        check(draft, null);
        Unit unit = unit(units.insert(draft));
        audit.record("unit.create", "unit", String.valueOf(unit.id()), null, unit);
        return unit;
    }

    @Transactional
    public Unit updateUnit(long id, UnitDraft draft) {
        Unit before = units.findLocked(id).orElseThrow(() -> new NotFound("kind.unit", id));
        check(draft, id);
        units.update(id, draft);
        Unit after = unit(id);
        audit.record("unit.update", "unit", String.valueOf(id), before, after);
        return after;
    }

    private void check(UnitDraft d, Long id) {
        var problems = new InvalidInput.Collector();
        if (Text.blank(d.nameZh())) {
            problems.add("nameZh", "input.required", label("field.nameZh"));
        } else if (units.nameTaken(d.nameZh(), id)) {
            problems.add("nameZh", "directory.unit.name-taken", d.nameZh().strip());
        }
        problems.throwIfAny();
    }

    private static DefaultMessageSourceResolvable label(String code) {
        return new DefaultMessageSourceResolvable(code);
    }
}

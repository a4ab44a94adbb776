package org.yishi.directory;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "directory", description = "Bodies, terms, people, offices, memberships and units")
@PreAuthorize("hasAuthority('directory:read')")
class DirectoryApi {

    private final Directory directory;

    DirectoryApi(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/bodies")
    List<Body> bodies() {
        return directory.bodies();
    }

    @GetMapping("/bodies/{id}")
    Body body(@PathVariable long id) {
        return directory.body(id);
    }

    @PostMapping("/bodies")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    ResponseEntity<Body> createBody(@RequestBody BodyDraft draft) {
        Body body = directory.createBody(draft);
        return ResponseEntity.created(URI.create("/api/bodies/" + body.id())).body(body);
    }

    @PutMapping("/bodies/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    Body updateBody(@PathVariable long id, @RequestBody BodyDraft draft) {
        return directory.updateBody(id, draft);
    }

    @GetMapping("/bodies/{id}/terms")
    List<Term> terms(@PathVariable long id) {
        return directory.terms(id);
    }

    @PostMapping("/bodies/{id}/terms")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    ResponseEntity<Term> createTerm(@PathVariable long id, @RequestBody TermDraft draft) {
        Term term = directory.createTerm(id, draft);
        return ResponseEntity.created(URI.create("/api/terms/" + term.id())).body(term);
    }

    @GetMapping("/terms/{id}")
    Term term(@PathVariable long id) {
        return directory.term(id);
    }

    @PutMapping("/terms/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    Term updateTerm(@PathVariable long id, @RequestBody TermDraft draft) {
        return directory.updateTerm(id, draft);
    }

    @GetMapping("/terms/{id}/members")
    List<Membership> members(@PathVariable long id) {
        return directory.members(id);
    }

    @PostMapping("/terms/{id}/members")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    ResponseEntity<Membership> addMember(@PathVariable long id, @RequestBody MembershipDraft draft) {
        Membership m = directory.addMember(id, draft);
        return ResponseEntity.created(URI.create("/api/memberships/" + m.id())).body(m);
    }

    @DeleteMapping("/memberships/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    ResponseEntity<Void> removeMember(@PathVariable long id) {
        directory.removeMember(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/people")
    List<Person> people() {
        return directory.people();
    }

    @GetMapping("/people/{id}")
    Person person(@PathVariable long id) {
        return directory.person(id);
    }

    @PostMapping("/people")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    ResponseEntity<Person> createPerson(@RequestBody PersonDraft draft) {
        Person p = directory.createPerson(draft);
        return ResponseEntity.created(URI.create("/api/people/" + p.id())).body(p);
    }

    @PutMapping("/people/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    Person updatePerson(@PathVariable long id, @RequestBody PersonDraft draft) {
        return directory.updatePerson(id, draft);
    }

    @GetMapping("/people/{id}/offices")
    List<Office> offices(@PathVariable long id) {
        return directory.offices(id);
    }

    @PostMapping("/people/{id}/offices")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    ResponseEntity<Office> createOffice(@PathVariable long id, @RequestBody OfficeDraft draft) {
        Office o = directory.createOffice(id, draft);
        return ResponseEntity.created(URI.create("/api/offices/" + o.id())).body(o);
    }

    @PutMapping("/offices/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    Office updateOffice(@PathVariable long id, @RequestBody OfficeDraft draft) {
        return directory.updateOffice(id, draft);
    }

    @DeleteMapping("/offices/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    ResponseEntity<Void> removeOffice(@PathVariable long id) {
        directory.removeOffice(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/units")
    List<Unit> units() {
        return directory.units();
    }

    @GetMapping("/units/{id}")
    Unit unit(@PathVariable long id) {
        return directory.unit(id);
    }

    @PostMapping("/units")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    ResponseEntity<Unit> createUnit(@RequestBody UnitDraft draft) {
        Unit u = directory.createUnit(draft);
        return ResponseEntity.created(URI.create("/api/units/" + u.id())).body(u);
    }

    @PutMapping("/units/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    Unit updateUnit(@PathVariable long id, @RequestBody UnitDraft draft) {
        return directory.updateUnit(id, draft);
    }
}

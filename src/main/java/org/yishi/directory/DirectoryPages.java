package org.yishi.directory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yishi.platform.Forms;

/**
 * The directory pages: bodies with their terms and members, people with their offices, and units. Each page shows
 * a list with a form beside it; a refused form comes back with every problem listed and the input kept.
 */
@Controller
@RequestMapping("/directory")
@PreAuthorize("hasAuthority('directory:read')")
class DirectoryPages {

    private final Directory directory;
    private final Forms forms;

    DirectoryPages(Directory directory, Forms forms) {
        this.directory = directory;
        this.forms = forms;
    }

    private void common(Model model) {
        model.addAttribute("bodyKinds", BodyKind.values());
        model.addAttribute("allBodies", directory.bodies());
        forms.noErrorsYet(model);
    }

    // ---- bodies

    @GetMapping("/bodies")
    String bodies(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new BodyDraft(BodyKind.STANDING_COMMITTEE, "", "", "", null, 100));
        }
        common(model);
        return "directory/bodies";
    }

    @PostMapping("/bodies")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String createBody(@ModelAttribute("form") BodyDraft form, BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> directory.createBody(form), binding, model, locale)
                .map(body -> "redirect:/directory/bodies/" + body.id() + "?saved").orElseGet(() -> bodies(model));
    }

    @GetMapping("/bodies/{id}")
    String body(@PathVariable long id, @RequestParam(required = false) Long term, Model model) {
        Body body = directory.body(id);
        List<Term> terms = directory.terms(id);
        Term selected = terms.stream().filter(t -> term == null ? t.equals(terms.getLast()) : t.id() == term)
                .findFirst().orElse(null);
        model.addAttribute("body", body);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new BodyDraft(body.kind(), body.nameZh(), body.nameEn(), body.shortNameZh(),
                    body.parentId(), body.protocolRank()));
        }
        if (!model.containsAttribute("termForm")) {
            model.addAttribute("termForm", new TermDraft(terms.isEmpty() ? 1 : terms.getLast().number() + 1, null, null));
        }
        model.addAttribute("terms", terms);
        model.addAttribute("selectedTerm", selected);
        Map<Long, Person> people = directory.people().stream().collect(Collectors.toMap(Person::id, Function.identity()));
        List<Membership> members = selected == null ? List.of() : directory.members(selected.id());
        model.addAttribute("members", members.stream().map(m -> new MemberLine(m, people.get(m.personId()))).toList());
        model.addAttribute("candidates", people.values().stream()
                .filter(p -> members.stream().noneMatch(m -> m.personId() == p.id()))
                .sorted(java.util.Comparator.comparing((Person p) -> p.name(false))).toList());
        common(model);
        return "directory/body";
    }

    record MemberLine(Membership membership, Person person) {
    }

    @PostMapping("/bodies/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String updateBody(@PathVariable long id, @ModelAttribute("form") BodyDraft form, BindingResult binding, Model model,
            Locale locale) {
        return forms.submit(() -> directory.updateBody(id, form), binding, model, locale)
                .map(body -> "redirect:/directory/bodies/" + id + "?saved").orElseGet(() -> body(id, null, model));
    }

    @PostMapping("/bodies/{id}/terms")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String createTerm(@PathVariable long id, @ModelAttribute("termForm") TermDraft form, BindingResult binding,
            Model model, Locale locale) {
        return forms.submit(() -> directory.createTerm(id, form), binding, model, locale)
                .map(term -> "redirect:/directory/bodies/" + id + "?saved&term=" + term.id()).orElseGet(() -> body(id, null, model));
    }

    @PostMapping("/terms/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String updateTerm(@PathVariable long id, @ModelAttribute("termEdit") TermDraft form, BindingResult binding,
            Model model, Locale locale) {
        Term term = directory.term(id);
        return forms.submit(() -> directory.updateTerm(id, form), binding, model, locale)
                .map(t -> "redirect:/directory/bodies/" + term.bodyId() + "?saved&term=" + id)
                .orElseGet(() -> body(term.bodyId(), id, model));
    }

    @PostMapping("/terms/{id}/members")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String addMember(@PathVariable long id, @ModelAttribute("memberForm") MembershipDraft form, BindingResult binding,
            Model model, Locale locale) {
        Term term = directory.term(id);
        return forms.submit(() -> directory.addMember(id, form), binding, model, locale)
                .map(m -> "redirect:/directory/bodies/" + term.bodyId() + "?saved&term=" + id)
                .orElseGet(() -> body(term.bodyId(), id, model));
    }

    @PostMapping("/memberships/{id}/remove")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String removeMember(@PathVariable long id, @RequestParam long termId) {
        Term term = directory.term(termId);
        directory.removeMember(id);
        return "redirect:/directory/bodies/" + term.bodyId() + "?saved&term=" + termId;
    }

    // ---- people and offices

    @GetMapping("/people")
    String people(Model model, Locale locale) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PersonDraft("", ""));
        }
        List<Person> people = directory.people();
        Map<Long, PersonStanding> standings = directory.standingsOn(java.time.LocalDate.now(), people.stream().map(Person::id).toList());
        model.addAttribute("people", people.stream().map(p -> standings.get(p.id())).toList());
        common(model);
        return "directory/people";
    }

    @PostMapping("/people")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String createPerson(@ModelAttribute("form") PersonDraft form, BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> directory.createPerson(form), binding, model, locale)
                .map(p -> "redirect:/directory/people/" + p.id() + "?saved").orElseGet(() -> people(model, locale));
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable long id, Model model) {
        Person person = directory.person(id);
        model.addAttribute("person", person);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PersonDraft(person.nameZh(), person.nameRomanized()));
        }
        if (!model.containsAttribute("officeForm")) {
            model.addAttribute("officeForm", new OfficeDraft(null, "", "", "", "", 100, null, null));
        }
        Map<Long, Body> bodies = directory.bodies().stream().collect(Collectors.toMap(Body::id, Function.identity()));
        model.addAttribute("offices", directory.offices(id));
        model.addAttribute("bodiesById", bodies);
        common(model);
        return "directory/person";
    }

    @PostMapping("/people/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String updatePerson(@PathVariable long id, @ModelAttribute("form") PersonDraft form, BindingResult binding,
            Model model, Locale locale) {
        return forms.submit(() -> directory.updatePerson(id, form), binding, model, locale)
                .map(p -> "redirect:/directory/people/" + id + "?saved").orElseGet(() -> person(id, model));
    }

    @PostMapping("/people/{id}/offices")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String createOffice(@PathVariable long id, @ModelAttribute("officeForm") OfficeDraft form, BindingResult binding,
            Model model, Locale locale) {
        return forms.submit(() -> directory.createOffice(id, form), binding, model, locale)
                .map(o -> "redirect:/directory/people/" + id + "?saved").orElseGet(() -> person(id, model));
    }

    @PostMapping("/offices/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String updateOffice(@PathVariable long id, @ModelAttribute("officeEdit") OfficeDraft form, BindingResult binding,
            Model model, Locale locale) {
        Office office = directory.office(id);
        return forms.submit(() -> directory.updateOffice(id, form), binding, model, locale)
                .map(o -> "redirect:/directory/people/" + office.personId() + "?saved")
                .orElseGet(() -> person(office.personId(), model));
    }

    @PostMapping("/offices/{id}/remove")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String removeOffice(@PathVariable long id) {
        Office office = directory.office(id);
        directory.removeOffice(id);
        return "redirect:/directory/people/" + office.personId() + "?saved";
    }

    // ---- units

    @GetMapping("/units")
    String units(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UnitDraft("", "", "", 100));
        }
        model.addAttribute("units", directory.units());
        common(model);
        return "directory/units";
    }

    @PostMapping("/units")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String createUnit(@ModelAttribute("form") UnitDraft form, BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> directory.createUnit(form), binding, model, locale)
                .map(u -> "redirect:/directory/units?saved").orElseGet(() -> units(model));
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable long id, Model model) {
        Unit unit = directory.unit(id);
        model.addAttribute("unit", unit);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UnitDraft(unit.nameZh(), unit.nameEn(), unit.shortNameZh(), unit.protocolRank()));
        }
        common(model);
        return "directory/unit";
    }

    @PostMapping("/units/{id}")
    @PreAuthorize("hasAuthority(\'directory:edit\')")
    String updateUnit(@PathVariable long id, @ModelAttribute("form") UnitDraft form, BindingResult binding, Model model,
            Locale locale) {
        return forms.submit(() -> directory.updateUnit(id, form), binding, model, locale)
                .map(u -> "redirect:/directory/units?saved").orElseGet(() -> unit(id, model));
    }
}

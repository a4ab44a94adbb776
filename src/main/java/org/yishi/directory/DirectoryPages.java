package org.yishi.directory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.Messages;

/**
 * The directory pages: bodies with their terms and members, people with their offices, and units. Each page shows
 * a list with a form beside it; a refused form comes back with every problem listed and the input kept.
 */
@Controller
@RequestMapping("/directory")
class DirectoryPages {

    private final Directory directory;
    private final MessageSource messages;

    DirectoryPages(Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    record FormError(String field, String message) {
    }

    /** Runs a change; on refusal puts the problems in the model and answers false. */
    private boolean attempt(Runnable change, BindingResult binding, Model model, Locale locale) {
        List<FormError> errors = new java.util.ArrayList<>(binding.getFieldErrors().stream()
                .map(f -> new FormError(f.getField(), messages.getMessage("problem.bad-value",
                        new Object[] {messages.getMessage("field." + f.getField(), null, f.getField(), locale)}, locale)))
                .toList());
        if (errors.isEmpty()) {
            try {
                change.run();
                return true;
            } catch (InvalidInput e) {
                e.violations().forEach(v -> errors.add(new FormError(v.field(), Messages.resolve(messages, v, locale))));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("errorFields", errors.stream().map(FormError::field).toList());
        return false;
    }

    private void common(Model model) {
        model.addAttribute("bodyKinds", BodyKind.values());
        model.addAttribute("allBodies", directory.bodies());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
            model.addAttribute("errorFields", List.of());
        }
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
    String createBody(@ModelAttribute("form") BodyDraft form, BindingResult binding, Model model, Locale locale) {
        Body[] created = new Body[1];
        if (attempt(() -> created[0] = directory.createBody(form), binding, model, locale)) {
            return "redirect:/directory/bodies/" + created[0].id() + "?saved";
        }
        return bodies(model);
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
    String updateBody(@PathVariable long id, @ModelAttribute("form") BodyDraft form, BindingResult binding, Model model,
            Locale locale) {
        if (attempt(() -> directory.updateBody(id, form), binding, model, locale)) {
            return "redirect:/directory/bodies/" + id + "?saved";
        }
        return body(id, null, model);
    }

    @PostMapping("/bodies/{id}/terms")
    String createTerm(@PathVariable long id, @ModelAttribute("termForm") TermDraft form, BindingResult binding,
            Model model, Locale locale) {
        Term[] created = new Term[1];
        if (attempt(() -> created[0] = directory.createTerm(id, form), binding, model, locale)) {
            return "redirect:/directory/bodies/" + id + "?saved&term=" + created[0].id();
        }
        return body(id, null, model);
    }

    @PostMapping("/terms/{id}")
    String updateTerm(@PathVariable long id, @ModelAttribute("termEdit") TermDraft form, BindingResult binding,
            Model model, Locale locale) {
        Term term = directory.term(id);
        if (attempt(() -> directory.updateTerm(id, form), binding, model, locale)) {
            return "redirect:/directory/bodies/" + term.bodyId() + "?saved&term=" + id;
        }
        return body(term.bodyId(), id, model);
    }

    @PostMapping("/terms/{id}/members")
    String addMember(@PathVariable long id, @ModelAttribute("memberForm") MembershipDraft form, BindingResult binding,
            Model model, Locale locale) {
        Term term = directory.term(id);
        if (attempt(() -> directory.addMember(id, form), binding, model, locale)) {
            return "redirect:/directory/bodies/" + term.bodyId() + "?saved&term=" + id;
        }
        return body(term.bodyId(), id, model);
    }

    @PostMapping("/memberships/{id}/remove")
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
    String createPerson(@ModelAttribute("form") PersonDraft form, BindingResult binding, Model model, Locale locale) {
        Person[] created = new Person[1];
        if (attempt(() -> created[0] = directory.createPerson(form), binding, model, locale)) {
            return "redirect:/directory/people/" + created[0].id() + "?saved";
        }
        return people(model, locale);
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
    String updatePerson(@PathVariable long id, @ModelAttribute("form") PersonDraft form, BindingResult binding,
            Model model, Locale locale) {
        if (attempt(() -> directory.updatePerson(id, form), binding, model, locale)) {
            return "redirect:/directory/people/" + id + "?saved";
        }
        return person(id, model);
    }

    @PostMapping("/people/{id}/offices")
    String createOffice(@PathVariable long id, @ModelAttribute("officeForm") OfficeDraft form, BindingResult binding,
            Model model, Locale locale) {
        if (attempt(() -> directory.createOffice(id, form), binding, model, locale)) {
            return "redirect:/directory/people/" + id + "?saved";
        }
        return person(id, model);
    }

    @PostMapping("/offices/{id}")
    String updateOffice(@PathVariable long id, @ModelAttribute("officeEdit") OfficeDraft form, BindingResult binding,
            Model model, Locale locale) {
        Office office = directory.office(id);
        if (attempt(() -> directory.updateOffice(id, form), binding, model, locale)) {
            return "redirect:/directory/people/" + office.personId() + "?saved";
        }
        return person(office.personId(), model);
    }

    @PostMapping("/offices/{id}/remove")
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
    String createUnit(@ModelAttribute("form") UnitDraft form, BindingResult binding, Model model, Locale locale) {
        if (attempt(() -> directory.createUnit(form), binding, model, locale)) {
            return "redirect:/directory/units?saved";
        }
        return units(model);
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
    String updateUnit(@PathVariable long id, @ModelAttribute("form") UnitDraft form, BindingResult binding, Model model,
            Locale locale) {
        if (attempt(() -> directory.updateUnit(id, form), binding, model, locale)) {
            return "redirect:/directory/units?saved";
        }
        return unit(id, model);
    }
}

package org.yishi.sessions.roster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
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
import org.springframework.web.multipart.MultipartFile;
import org.yishi.accounts.Permission;
import org.yishi.accounts.Viewers;
import org.yishi.directory.BodyKind;
import org.yishi.directory.Directory;
import org.yishi.platform.Forms;
import org.yishi.platform.InvalidInput;
import org.yishi.platform.XlsxSheet;

/**
 * The pages of congress and CPPCC terms: the terms with a form to open one, and each term's roster by delegation or
 * sector with forms to add groups and people, to edit an entry, and to import the roster from .xlsx.
 */
@Controller
@RequestMapping("/sessions")
@PreAuthorize("hasAuthority('congress:read')")
class RosterPages {

    private final Rosters rosters;
    private final RosterImport imports;
    private final Directory directory;
    private final Forms forms;
    private final MessageSource messages;

    RosterPages(Rosters rosters, RosterImport imports, Directory directory, Forms forms, MessageSource messages) {
        this.rosters = rosters;
        this.imports = imports;
        this.directory = directory;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/terms")
    String terms(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new RosterDrafts.TermOpening(null, null, null, AssemblyTerm.Level.COUNTY));
        }
        model.addAttribute("terms", rosters.terms());
        model.addAttribute("bodies", directory.bodies().stream()
                .filter(b -> b.kind() == BodyKind.CONGRESS || b.kind() == BodyKind.CPPCC).toList());
        model.addAttribute("levels", AssemblyTerm.Level.values());
        model.addAttribute("canEdit", Viewers.current().can(Permission.CONGRESS_EDIT));
        forms.noErrorsYet(model);
        return "sessions/terms";
    }

    @PostMapping("/terms")
    @PreAuthorize("hasAuthority('congress:edit')")
    String openTerm(@ModelAttribute("form") RosterDrafts.TermOpening form, BindingResult binding, Model model,
            Locale locale) {
        return forms.submit(() -> rosters.openTerm(Viewers.current(), form), binding, model, locale)
                .map(t -> "redirect:/sessions/terms/" + t.termId() + "?saved").orElseGet(() -> terms(model));
    }

    @GetMapping("/terms/{id}")
    String term(@PathVariable long id, Model model) {
        AssemblyTerm term = rosters.term(id);
        model.addAttribute("term", term);
        List<Group> groups = rosters.groups(id);
        model.addAttribute("groups", groups);
        model.addAttribute("mainGroups", groups.stream().filter(g -> g.kind() == term.groupKind()).toList());
        model.addAttribute("committees", groups.stream().filter(g -> g.kind() == GroupKind.COMMITTEE).toList());
        model.addAttribute("groupKinds", java.util.Arrays.stream(GroupKind.values()).filter(k -> Rosters.fits(term, k)).toList());
        List<RosterEntry> entries = rosters.entries(id);
        Map<String, Long> byGroup = new LinkedHashMap<>();
        entries.forEach(e -> byGroup.merge(e.groupNameZh() == null ? "—" : e.groupNameZh(), 1L, Long::sum));
        model.addAttribute("entries", entries);
        model.addAttribute("byGroup", byGroup);
        model.addAttribute("canEdit", Viewers.current().can(Permission.CONGRESS_EDIT));
        if (!model.containsAttribute("entryForm")) {
            model.addAttribute("entryForm", new RosterDrafts.EntryDraft(null, "", "", "", "", ""));
        }
        if (!model.containsAttribute("groupForm")) {
            model.addAttribute("groupForm", new RosterDrafts.GroupDraft(term.groupKind(), "", ""));
        }
        forms.noErrorsYet(model);
        return "sessions/term";
    }

    @PostMapping("/terms/{id}/groups")
    @PreAuthorize("hasAuthority('congress:edit')")
    String addGroup(@PathVariable long id, @ModelAttribute("groupForm") RosterDrafts.GroupDraft form,
            BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> rosters.addGroup(Viewers.current(), id, form), binding, model, locale)
                .map(g -> "redirect:/sessions/terms/" + id + "?saved").orElseGet(() -> term(id, model));
    }

    @PostMapping("/terms/{id}/roster")
    @PreAuthorize("hasAuthority('congress:edit')")
    String addEntry(@PathVariable long id, @ModelAttribute("entryForm") RosterDrafts.EntryDraft form,
            BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> rosters.addEntry(Viewers.current(), id, form), binding, model, locale)
                .map(e -> "redirect:/sessions/terms/" + id + "?saved#entry-" + e.id()).orElseGet(() -> term(id, model));
    }

    @GetMapping("/roster/{id}")
    String entry(@PathVariable long id, Model model) {
        RosterEntry entry = rosters.entry(id);
        AssemblyTerm term = rosters.term(entry.termId());
        model.addAttribute("entry", entry);
        model.addAttribute("term", term);
        List<Group> groups = rosters.groups(term.termId());
        model.addAttribute("mainGroups", groups.stream().filter(g -> g.kind() == term.groupKind()).toList());
        model.addAttribute("committees", groups.stream().filter(g -> g.kind() == GroupKind.COMMITTEE).toList());
        model.addAttribute("canEdit", Viewers.current().can(Permission.CONGRESS_EDIT));
        if (!model.containsAttribute("entryForm")) {
            model.addAttribute("entryForm", new RosterDrafts.EntryDraft(entry.personId(), entry.nameZh(),
                    entry.nameRomanized(), entry.cardNumber(), entry.groupNameZh(), entry.committeeNameZh()));
        }
        forms.noErrorsYet(model);
        return "sessions/entry";
    }

    @PostMapping("/roster/{id}")
    @PreAuthorize("hasAuthority('congress:edit')")
    String updateEntry(@PathVariable long id, @ModelAttribute("entryForm") RosterDrafts.EntryDraft form,
            BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> rosters.updateEntry(Viewers.current(), id, form), binding, model, locale)
                .map(e -> "redirect:/sessions/terms/" + e.termId() + "?saved#entry-" + id).orElseGet(() -> entry(id, model));
    }

    @PostMapping("/roster/{id}/remove")
    @PreAuthorize("hasAuthority('congress:edit')")
    String removeEntry(@PathVariable long id, Model model, Locale locale) {
        long termId = rosters.entry(id).termId();
        return forms.submit(() -> {
            rosters.removeEntry(Viewers.current(), id);
            return termId;
        }, model, locale).map(t -> "redirect:/sessions/terms/" + t + "?saved").orElseGet(() -> entry(id, model));
    }

    @GetMapping("/terms/{id}/import")
    @PreAuthorize("hasAuthority('congress:edit')")
    String importForm(@PathVariable long id, Model model) {
        model.addAttribute("term", rosters.term(id));
        model.addAttribute("maxSize", imports.maxBytes() / 1024 / 1024);
        return "sessions/import";
    }

    @PostMapping("/terms/{id}/import")
    @PreAuthorize("hasAuthority('congress:edit')")
    String importFile(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model, Locale locale, HttpServletResponse response) {
        importForm(id, model);
        try {
            model.addAttribute("result", imports.importRoster(Viewers.current(), id, upload(file)));
        } catch (InvalidInput e) {
            response.setStatus(400);
            XlsxSheet.Report report = XlsxSheet.Report.of(e, messages, locale);
            model.addAttribute("fileProblems", report.fileProblems());
            model.addAttribute("rowProblems", report.rowProblems());
        }
        return "sessions/import";
    }

    /** The upload as the import reads it; none when no file was sent. */
    static XlsxSheet.Upload upload(MultipartFile file) {
        if (file == null) {
            return new XlsxSheet.Upload(null, null, -1, null);
        }
        return new XlsxSheet.Upload(file.getOriginalFilename(), file.getContentType(), file.getSize(), file);
    }
}

package org.yishi.accounts;

import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yishi.directory.Directory;
import org.yishi.platform.Forms;

/**
 * The administrators' pages, each for one of the three separate powers: accounts (system administrator), roles and
 * their permissions, and who holds which role (security administrator).
 */
@Controller
class AdministrationPages {

    private final Accounts accounts;
    private final Directory directory;
    private final Forms forms;
    private final TwoPersonRule rule;

    AdministrationPages(Accounts accounts, Directory directory, Forms forms, TwoPersonRule rule) {
        this.rule = rule;
        this.accounts = accounts;
        this.directory = directory;
        this.forms = forms;
    }

    record AccountForm(String username, String displayName, String initialPassword, Long personId, Long unitId,
            Boolean enabled) {
    }

    // ---- accounts (system administrator)

    @GetMapping("/admin/accounts")
    @PreAuthorize("hasAuthority('account:manage')")
    String accounts(Model model) {
        model.addAttribute("accounts", accounts.accounts());
        model.addAttribute("now", java.time.Instant.now());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AccountForm("", "", "", null, null, true));
        }
        links(model);
        forms.noErrorsYet(model);
        return "accounts/accounts";
    }

    @PostMapping("/admin/accounts")
    @PreAuthorize("hasAuthority('account:manage')")
    String create(@ModelAttribute("form") AccountForm form, BindingResult binding, Model model, Locale locale) {
        return forms.submit(() -> accounts.create(new AccountDraft(form.username(), form.displayName(),
                form.initialPassword(), form.personId(), form.unitId())), binding, model, locale).map(created -> {
                    model.addAttribute("created", created);
                    model.addAttribute("form", new AccountForm("", "", "", null, null, true));
                    return accounts(model);
                }).orElseGet(() -> accounts(model));
    }

    @GetMapping("/admin/accounts/{id}")
    @PreAuthorize("hasAuthority('account:manage')")
    String account(@PathVariable long id, Model model) {
        Account account = accounts.account(id);
        model.addAttribute("account", account);
        model.addAttribute("now", java.time.Instant.now());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AccountForm(account.username(), account.displayName(), null,
                    account.personId(), account.unitId(), account.enabled()));
        }
        links(model);
        forms.noErrorsYet(model);
        return "accounts/account-edit";
    }

    @PostMapping("/admin/accounts/{id}")
    @PreAuthorize("hasAuthority('account:manage')")
    String update(@PathVariable long id, @ModelAttribute("form") AccountForm form, BindingResult binding, Model model,
            Locale locale) {
        return forms.submit(() -> accounts.update(id, form.displayName(), form.personId(), form.unitId(),
                form.enabled() != null && form.enabled()), binding, model, locale)
                .map(a -> "redirect:/admin/accounts/" + id + "?saved").orElseGet(() -> account(id, model));
    }

    @PostMapping("/admin/accounts/{id}/reset-password")
    @PreAuthorize("hasAuthority('account:manage')")
    String resetPassword(@PathVariable long id, Model model) {
        model.addAttribute("newPassword", accounts.resetPassword(id));
        return account(id, model);
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    @PreAuthorize("hasAuthority('account:manage')")
    String unlock(@PathVariable long id) {
        accounts.unlock(id);
        return "redirect:/admin/accounts/" + id + "?saved";
    }

    private void links(Model model) {
        model.addAttribute("people", directory.people());
        model.addAttribute("units", directory.units());
    }

    // ---- roles and permissions (security administrator)

    @GetMapping("/admin/roles")
    @PreAuthorize("hasAuthority('role:manage')")
    String roles(Model model) {
        List<Role> roles = accounts.roles();
        model.addAttribute("roles", roles);
        model.addAttribute("offered", roles.stream().collect(java.util.stream.Collectors.toMap(Role::code,
                r -> ThreeAdministrators.offered(r.code(), r.administrator()))));
        model.addAttribute("pending", rule.pending().stream().map(AdministrationChange::roleCode)
                .filter(java.util.Objects::nonNull).toList());
        forms.noErrorsYet(model);
        return "accounts/roles";
    }

    @PostMapping("/admin/roles/{code}")
    @PreAuthorize("hasAuthority('role:manage')")
    String setPermissions(@PathVariable String code, @RequestParam(required = false) List<String> permissions,
            Model model, Locale locale) {
        return forms.submit(() -> accounts.setPermissions(code, permissions == null ? List.of() : permissions,
                Viewers.current()), model, locale)
                .map(r -> r.awaiting() == null ? "redirect:/admin/roles?saved" : "redirect:/admin/roles?proposed")
                .orElseGet(() -> roles(model));
    }

    @GetMapping("/admin/role-assignments")
    @PreAuthorize("hasAuthority('role:assign')")
    String assignments(Model model) {
        model.addAttribute("accounts", accounts.accounts());
        model.addAttribute("roles", accounts.roles());
        model.addAttribute("me", Viewers.current().accountId());
        forms.noErrorsYet(model);
        return "accounts/assignments";
    }

    @PostMapping("/admin/role-assignments/{accountId}")
    @PreAuthorize("hasAuthority('role:assign')")
    String assign(@PathVariable long accountId, @RequestParam(required = false) List<String> roles, Model model,
            Locale locale) {
        return forms.submit(() -> accounts.requestRoles(accountId, roles == null ? List.of() : roles, Viewers.current()),
                model, locale).map(r -> r.awaiting() == null ? "redirect:/admin/role-assignments?saved"
                        : "redirect:/admin/role-assignments?proposed").orElseGet(() -> assignments(model));
    }

    // ---- the two-person rule (issue 11): any administrator sees the proposals; another one decides them

    @GetMapping("/admin/changes")
    @PreAuthorize(AdministrationChangesApi.ANY_ADMINISTRATOR)
    String changes(Model model) {
        model.addAttribute("pending", rule.pending());
        model.addAttribute("decided", rule.recentlyDecided());
        model.addAttribute("me", Viewers.current().accountId());
        forms.noErrorsYet(model);
        return "accounts/changes";
    }

    @PostMapping("/admin/changes/{id}/confirm")
    @PreAuthorize(AdministrationChangesApi.ANY_ADMINISTRATOR)
    String confirm(@PathVariable long id, Model model, Locale locale) {
        return forms.submit(() -> rule.confirm(id, Viewers.current()), model, locale)
                .map(c -> "redirect:/admin/changes?saved").orElseGet(() -> changes(model));
    }

    @PostMapping("/admin/changes/{id}/refuse")
    @PreAuthorize(AdministrationChangesApi.ANY_ADMINISTRATOR)
    String refuse(@PathVariable long id, @RequestParam(required = false) String reason, Model model, Locale locale) {
        return forms.submit(() -> rule.refuse(id, reason, Viewers.current()), model, locale)
                .map(c -> "redirect:/admin/changes?saved").orElseGet(() -> changes(model));
    }
}

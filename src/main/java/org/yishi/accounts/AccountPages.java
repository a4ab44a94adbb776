package org.yishi.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yishi.platform.Forms;

/** Signing in, and the signed-in user's own account: password, e-mail address and personal access tokens. */
@Controller
class AccountPages {

    /** The sign-in failures the login page explains; anything else reads as a wrong name or password. */
    private static final Set<String> LOGIN_ERRORS = Set.of("bad-credentials", "locked", "disabled");

    private final Accounts accounts;
    private final Forms forms;
    private final ObjectProvider<ClientRegistrationRepository> oidc;

    AccountPages(Accounts accounts, Forms forms, ObjectProvider<ClientRegistrationRepository> oidc) {
        this.accounts = accounts;
        this.forms = forms;
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) Integer minutes,
            Model model) {
        if (error != null) {
            model.addAttribute("error", "accounts.login." + (LOGIN_ERRORS.contains(error) ? error : "bad-credentials"));
            model.addAttribute("minutes", minutes == null ? 15 : minutes);
        }
        List<String> providers = oidc.getIfAvailable() instanceof InMemoryClientRegistrationRepository registrations
                ? java.util.stream.StreamSupport.stream(registrations.spliterator(), false).map(r -> r.getRegistrationId()).toList()
                : List.of();
        model.addAttribute("providers", providers);
        return "accounts/login";
    }

    record PasswordChange(String currentPassword, String newPassword, String repeatPassword) {
    }

    record TokenRequest(String name, Integer days) {
    }

    @GetMapping("/account")
    @PreAuthorize("isAuthenticated()")
    String account(Model model) {
        Viewer me = Viewers.current();
        model.addAttribute("account", accounts.account(me.accountId()));
        model.addAttribute("tokens", accounts.tokens(me.accountId()));
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", accounts.email(me.accountId()).orElse(""));
        }
        model.addAttribute("now", java.time.Instant.now());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PasswordChange("", "", ""));
        }
        forms.noErrorsYet(model);
        return "accounts/account";
    }

    @GetMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String passwordPage(Model model) {
        model.addAttribute("account", accounts.account(Viewers.current().accountId()));
        model.addAttribute("form", new PasswordChange("", "", ""));
        forms.noErrorsYet(model);
        return "accounts/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String changePassword(@ModelAttribute("form") PasswordChange form, BindingResult binding, Model model, Locale locale,
            @RequestParam(defaultValue = "false") boolean fromAccount) {
        Viewer me = Viewers.current();
        return forms.submit(() -> {
            if (form.newPassword() == null || !form.newPassword().equals(form.repeatPassword())) {
                throw new org.yishi.platform.InvalidInput(org.yishi.platform.Violation.of("repeatPassword", "accounts.password.repeat"));
            }
            accounts.changePassword(me.accountId(), form.currentPassword(), form.newPassword());
            return me;
        }, binding, model, locale).map(ok -> "redirect:/account?saved").orElseGet(() -> {
            model.addAttribute("account", accounts.account(me.accountId()));
            return fromAccount ? account(model) : "accounts/password";
        });
    }

    /** Where the user receives notices by e-mail (issue 5: supervision warnings); blank removes the address. */
    @PostMapping("/account/email")
    @PreAuthorize("isAuthenticated()")
    String changeEmail(@RequestParam(required = false) String email, Model model, Locale locale) {
        Viewer me = Viewers.current();
        return forms.submit(() -> {
            accounts.changeEmail(me.accountId(), email);
            return me;
        }, model, locale).map(ok -> "redirect:/account?saved").orElseGet(() -> {
            model.addAttribute("email", email);
            return account(model);
        });
    }

    @PostMapping("/account/tokens")
    @PreAuthorize("isAuthenticated()")
    String createToken(@ModelAttribute("tokenForm") TokenRequest form, BindingResult binding, Model model, Locale locale) {
        Viewer me = Viewers.current();
        forms.submit(() -> accounts.issueToken(me.accountId(), form.name(), form.days()), binding, model, locale)
                .ifPresent(issued -> model.addAttribute("issued", issued));
        return account(model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @PreAuthorize("isAuthenticated()")
    String revokeToken(@PathVariable long id) {
        accounts.revokeToken(Viewers.current().accountId(), id);
        return "redirect:/account?saved";
    }
}

package org.yishi.accounts;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.yishi.directory.Directory;

/**
 * The name the layout shows for whoever is signed in (issue 12): the person the account belongs to, in the page's
 * language, and the login name only for an account that is nobody's (the demo's role accounts, administrators).
 */
@ControllerAdvice(annotations = Controller.class)
class SignedInName {

    private final Directory directory;

    SignedInName(Directory directory) {
        this.directory = directory;
    }

    @ModelAttribute("signedInName")
    String signedInName(Locale locale) {
        return Viewers.find().map(v -> v.personId() == null ? v.username()
                : directory.findPerson(v.personId()).map(p -> p.name("en".equals(locale.getLanguage())))
                        .orElse(v.username())).orElse(null);
    }
}

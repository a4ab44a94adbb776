package org.yishi.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Submitting a form on a page: the change runs only when every field could be read; when it is refused, every
 * problem goes into the model in the user's language ({@code errors}, and {@code errorFields} for marking the
 * fields) so the page can be shown again with the user's input kept.
 */
@Component
public class Forms {

    /** One problem with a form, for the page: the field (as named in the form or the API) and the message. */
    public record FormError(String field, String message) {
    }

    private final MessageSource messages;

    Forms(MessageSource messages) {
        this.messages = messages;
    }

    /** For forms of plain request parameters, which cannot fail to be read. */
    public <T> Optional<T> submit(Supplier<T> change, Model model, Locale locale) {
        return submit(change, null, model, locale);
    }

    /** The change's result, or empty when the form was refused (the problems are then in the model). */
    public <T> Optional<T> submit(Supplier<T> change, BindingResult binding, Model model, Locale locale) {
        List<FormError> errors = new ArrayList<>();
        if (binding != null) {
            binding.getFieldErrors().forEach(f -> errors.add(new FormError(f.getField(), messages.getMessage("problem.bad-value",
                    new Object[] {messages.getMessage("field." + f.getField(), null, f.getField(), locale)}, locale))));
        }
        if (errors.isEmpty()) {
            try {
                return Optional.of(change.get());
            } catch (InvalidInput e) {
                e.violations().forEach(v -> errors.add(new FormError(v.field(), Messages.resolve(messages, v, locale))));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("errorFields", errors.stream().map(FormError::field).toList());
        return Optional.empty();
    }

    /** Makes sure a page shown without a submission has its (empty) list of problems. */
    public void noErrorsYet(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
            model.addAttribute("errorFields", List.of());
        }
    }
}

package org.yishi.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.yishi.platform.Forms.FormError;

/**
 * A form posted to a page that htmx may have sent: the change is taken, and the answer is, without htmx, a redirect
 * back to the page when it succeeded; otherwise the page (or, for htmx, its fragment) drawn again, with the problems
 * in the user's language and status 409 when the change was refused, 400 when the input was bad.
 *
 * @param result what the change returned; null when it failed
 * @param errors the problems, resolved in the user's language; empty when it succeeded
 * @param htmx   whether htmx sent the form ({@code HX-Request: true})
 */
public record FormAction<T>(T result, List<FormError> errors, HttpStatus status, boolean htmx) {

    /** Takes the change, catching what it refuses. */
    public static <T> FormAction<T> take(Supplier<T> change, MessageSource messages, Locale locale) {
        List<FormError> errors = new ArrayList<>();
        HttpStatus status = HttpStatus.OK;
        T result = null;
        try {
            result = change.get();
        } catch (InvalidInput e) {
            e.violations().forEach(v -> errors.add(new FormError(v.field(), Messages.resolve(messages, v, locale))));
            status = e instanceof Refused ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        }
        return new FormAction<>(result, List.copyOf(errors), status, sentByHtmx());
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }

    /**
     * The answer: {@code redirect} (to the address it gives for the result) when the form came without htmx and
     * succeeded; otherwise {@code fragment} for htmx or {@code page}, with the status, its model filled by {@code fill}.
     */
    public ModelAndView answer(Function<T, String> redirect, String page, String fragment,
            Consumer<Map<String, Object>> fill) {
        if (!htmx && succeeded()) {
            return new ModelAndView("redirect:" + redirect.apply(result));
        }
        ModelAndView answer = new ModelAndView(htmx ? fragment : page);
        answer.setStatus(status);
        fill.accept(answer.getModel());
        return answer;
    }

    private static boolean sentByHtmx() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet
                && "true".equals(servlet.getRequest().getHeader("HX-Request"));
    }
}

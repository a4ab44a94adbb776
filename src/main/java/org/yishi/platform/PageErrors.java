package org.yishi.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The one error page of the web UI: what went wrong in the user's language, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, Locale locale, HttpServletResponse response) {
        String kind = messages.getMessage(e.kindCode(), null, e.kindCode(), locale);
        return page(404, messages.getMessage("problem.not-found.detail", new Object[] {kind, e.id()}, locale), model, response);
    }

    @ExceptionHandler(InvalidInput.class)
    String invalid(InvalidInput e, Model model, Locale locale, HttpServletResponse response) {
        return page(e instanceof Refused ? 409 : 400, String.join("；", e.violations().stream().map(v -> Messages.resolve(messages, v, locale)).toList()),
                model, response);
    }

    @ExceptionHandler(DataAccessException.class)
    String database(DataAccessException e, Model model, Locale locale, jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response) {
        var refusal = DatabaseRefusals.of(e);
        if (refusal.isEmpty()) {
            return unexpected(e, model, locale, request, response);
        }
        log.warn("A database rule refused a change: {}", e.getMostSpecificCause().getMessage());
        return page(refusal.get().status().value(), messages.getMessage(refusal.get().code(), refusal.get().args(), locale),
                model, response);
    }

    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    String rejected(org.springframework.security.web.firewall.RequestRejectedException e, Model model, Locale locale,
            HttpServletResponse response) {
        return page(400, messages.getMessage("problem.bad-request", null, locale), model, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(AccessDeniedException e, Model model, Locale locale, HttpServletResponse response) {
        return page(403, messages.getMessage("problem.forbidden.detail", null, locale), model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badValue(MethodArgumentTypeMismatchException e, Model model, Locale locale, HttpServletResponse response) {
        return page(400, messages.getMessage("problem.bad-value", new Object[] {e.getName()}, locale), model, response);
    }

    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, Model model, Locale locale, jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response) {
        log.error("Unexpected error while serving a page", e);
        return page(500, messages.getMessage(ErrorAnswers.internalDetailCode(request), null, locale), model, response);
    }

    private static String page(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "error";
    }
}

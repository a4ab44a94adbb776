package org.yishi.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.dao.DataAccessException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * The one mapping from refusals to RFC 9457 problem details for the JSON API. Titles and details are in the
 * caller's language; a refusal of input lists every bad field under {@code errors}. No stack trace or internal
 * detail ever reaches the caller.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "message", Messages.resolve(messages, v, locale)))
                .toList();
        return ResponseEntity.badRequest().body(invalidProblem(errors, locale));
    }

    /** Not allowed now: 409, with each reason in the caller's language. */
    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> reasons = e.violations().stream().map(v -> Messages.resolve(messages, v, locale)).toList();
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.CONFLICT, "refused", "problem.refused.title",
                String.join(" ", reasons));
        answer.getBody().setProperty("reasons", reasons);
        return answer;
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e) {
        Locale locale = LocaleContextHolder.getLocale();
        String kind = messages.getMessage(e.kindCode(), null, e.kindCode(), locale);
        return problem(HttpStatus.NOT_FOUND, "not-found", "problem.not-found.title",
                messages.getMessage("problem.not-found.detail", new Object[] {kind, e.id()}, locale));
    }

    @ExceptionHandler(Incomplete.class)
    ResponseEntity<ProblemDetail> incomplete(Incomplete e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> missing = e.missing().stream().map(v -> Messages.resolve(messages, v, locale)).toList();
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.CONFLICT, "incomplete", e.titleCode(), String.join(" ", missing));
        answer.getBody().setProperty("missing", missing);
        return answer;
    }

    /**
     * A database rule refused the change, which was rolled back: a real collision is 409, a reference to nothing or a
     * value that cannot be stored is 400 naming the field; anything else is unexpected.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e, jakarta.servlet.http.HttpServletRequest request)
            throws Exception {
        if (DatabaseUnavailable.isDatabaseDown(e)) {
            throw e; // not a refusal: DatabaseUnavailable answers 503, saying whether anything changed
        }
        var refusal = DatabaseRefusals.of(e);
        if (refusal.isEmpty()) {
            return unexpected(e, request);
        }
        logger.warn("A database rule refused a change: " + e.getMostSpecificCause().getMessage());
        Locale locale = LocaleContextHolder.getLocale();
        var r = refusal.get();
        String message = messages.getMessage(r.code(), r.args(), locale);
        if (r.status() == HttpStatus.BAD_REQUEST) {
            return ResponseEntity.badRequest().body(invalidProblem(List.of(Map.of("field", r.field(), "message", message)), locale));
        }
        return problem(r.status(), r.type(), r.type().equals("conflict") ? "problem.conflict.title" : "problem.refused.title",
                message);
    }

    /** An address or parameter the firewall refuses when the handler reads it (a NUL byte in a parameter's name). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "problem.invalid.title",
                messages.getMessage("problem.bad-request", null, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(SignInRefused.class)
    ResponseEntity<ProblemDetail> signInRefused(SignInRefused e) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "problem.unauthenticated.title",
                messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale()));
    }

    /** A permission check inside a handler failed: the same 403 the security filters give. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden.title",
                messages.getMessage("problem.forbidden.detail", null, LocaleContextHolder.getLocale()));
    }

    /** A problem of the given type, its title from the bundles in the caller's language. */
    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String titleCode, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage(titleCode, null, LocaleContextHolder.getLocale()));
        problem.setType(URI.create("urn:yishi:problem:" + type));
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String message = messages.getMessage("problem.bad-value", new Object[] {e.getName()}, locale);
        return ResponseEntity.badRequest().body(invalidProblem(List.of(Map.of("field", e.getName(), "message", message)), locale));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestLimits.TooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                        "too-large", "problem.too-large.title", messages.getMessage("problem.too-large", null, locale)).getBody());
            }
        }
        String field = "";
        if (e.getCause() instanceof DatabindException databind) {
            StringBuilder path = new StringBuilder();
            for (var ref : databind.getPath()) {
                if (ref.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        String message;
        if (e.getCause() instanceof InputBounds.BadValue bad) {
            Object[] args = new Object[bad.args().length + 1];
            args[0] = field;
            for (int i = 0; i < bad.args().length; i++) {
                args[i + 1] = String.valueOf(bad.args()[i]); // numbers as written, never grouped as "1,900"
            }
            message = messages.getMessage(bad.code(), args, locale);
        } else if (e.getCause() instanceof tools.jackson.databind.exc.InvalidNullException) {
            message = messages.getMessage("input.null-in-list", new Object[] {field}, locale);
        } else {
            message = field.isEmpty()
                    ? messages.getMessage("problem.unreadable", null, locale)
                    : messages.getMessage("problem.bad-value", new Object[] {field}, locale);
        }
        return ResponseEntity.badRequest().body(invalidProblem(List.of(Map.of("field", field, "message", message)), locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, jakarta.servlet.http.HttpServletRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // framework errors (405, 415, ...) keep their own problem details
        }
        logger.error("Unexpected error while answering an API call", e);
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                messages.getMessage(ErrorAnswers.internalDetailCode(request), null, locale));
        problem.setTitle(messages.getMessage("problem.internal.title", null, locale));
        problem.setType(URI.create("urn:yishi:problem:internal"));
        return ResponseEntity.internalServerError().body(problem);
    }

    private ProblemDetail invalidProblem(List<Map<String, String>> errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                String.join(" ", errors.stream().map(m -> m.get("message")).toList()));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        problem.setType(URI.create("urn:yishi:problem:invalid-input"));
        problem.setProperty("errors", errors);
        return problem;
    }
}

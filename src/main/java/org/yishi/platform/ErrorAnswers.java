package org.yishi.platform;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that did not reach a handler (an address the firewall or the server refused, a status sent by a
 * filter, an exception out of the filter chain, a failed commit): a problem detail under {@code /api}, the error page
 * elsewhere, in the user's language. Replaces Spring Boot's own error answers.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorAnswers implements ErrorController {

    private final MessageSource messages;

    ErrorAnswers(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping
    Object error(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        HttpStatus status = status(request);
        String detail = detail(status, request, locale);
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith(request.getContextPath() + "/api") || "null".equals(uri)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(status, detail, locale));
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("message", detail);
        page.addObject("currentPath", "/error");
        return page;
    }

    static HttpStatus status(HttpServletRequest request) {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof RequestRejectedException) {
            return HttpStatus.BAD_REQUEST;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null && exception == null) {
            return HttpStatus.NOT_FOUND; // asked for directly, not by an error: there is no page here
        }
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private String detail(HttpStatus status, HttpServletRequest request, Locale locale) {
        String code = switch (status) {
            case BAD_REQUEST -> "problem.bad-request";
            case UNAUTHORIZED -> "problem.unauthenticated.detail";
            case FORBIDDEN -> "problem.forbidden.detail";
            case NOT_FOUND -> "problem.no-such-address";
            case METHOD_NOT_ALLOWED -> "problem.method-not-allowed";
            case CONFLICT -> "problem.conflict.detail";
            case CONTENT_TOO_LARGE -> "problem.too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "problem.media-type";
            default -> status.is5xxServerError() ? internalDetailCode(request) : "problem.bad-request";
        };
        return messages.getMessage(code, null, locale);
    }

    /** What an unexpected error may truthfully say about the data: nothing changed, or it is not known. */
    static String internalDetailCode(HttpServletRequest request) {
        if (RequestTransactions.Outcome.of(request) == RequestTransactions.Outcome.UNKNOWN) {
            return "problem.internal.unknown";
        }
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                ? "problem.internal.read" : "problem.internal.detail";
    }

    private ProblemDetail problem(HttpStatus status, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(messages.getMessage(status.is5xxServerError() ? "problem.internal.title" : "problem.request.title",
                new Object[] {status.value()}, locale));
        problem.setType(URI.create("urn:yishi:problem:" + (status.is5xxServerError() ? "internal" : "http-" + status.value())));
        return problem;
    }
}

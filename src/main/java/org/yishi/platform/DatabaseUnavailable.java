package org.yishi.platform;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer while the database cannot be reached: 503 with {@code Retry-After}, as a problem detail for the API and
 * as a short page for the UI, within the pool's connection timeout (2 s) rather than after a hang. Sits in front of
 * every other filter, because a signed-in request needs the database already for its session or token, before any
 * controller runs; controllers' own database failures are passed out to it by {@link Rethrow}. Nothing to undo: a
 * request that could not reach the database changed nothing. The pool reconnects once the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailable extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json = JsonMapper.builder().build();

    DatabaseUnavailable(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!isDatabaseDown(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable while answering {} {}: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(e));
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String title = messages.getMessage("problem.db-unavailable.title", null, locale);
        String detail = messages.getMessage("problem.db-unavailable.detail", null, locale);
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
            problem.setTitle(title);
            problem.setType(URI.create("urn:yishi:problem:database-unavailable"));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(json.writeValueAsString(Map.of("type", problem.getType().toString(),
                    "title", title, "status", problem.getStatus(), "detail", detail,
                    "instance", request.getRequestURI())));
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            String lang = locale.getLanguage().equals("en") ? "en" : "zh-CN";
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                    + "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\"><title>"
                    + HtmlUtils.htmlEscape(title) + "</title><link rel=\"stylesheet\" href=\""
                    + request.getContextPath() + "/css/yishi.css\"></head><body><main><section class=\"card error-page\">"
                    + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1><p class=\"error-message\">"
                    + HtmlUtils.htmlEscape(detail) + "</p></section></main></body></html>");
        }
        response.flushBuffer();
    }

    /** A connection that could not be had or was lost — not a refused statement, which the usual mapping answers. */
    static boolean isDatabaseDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException && t.getCause() != null && isDatabaseDown(t.getCause())) {
                return true;
            }
            if (t instanceof java.sql.SQLException p && p.getSQLState() != null
                    && (p.getSQLState().startsWith("08") || p.getSQLState().startsWith("57P0"))) {
                return true; // connection exceptions (the pool's closed connection too); the server shutting down
            }
            if (t instanceof org.springframework.transaction.TransactionSystemException failed
                    && failed.getApplicationException() != null && isDatabaseDown(failed.getApplicationException())) {
                return true; // the rollback after the lost connection failed as well
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /**
     * Hands a database failure inside a controller on to {@link DatabaseUnavailable} instead of the pages' and the
     * API's catch-all 500: rethrown from a handler, the exception leaves the dispatcher as it came.
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Rethrow {

        @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
        void rethrow(RuntimeException e) {
            throw e;
        }
    }
}

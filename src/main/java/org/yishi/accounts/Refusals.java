package org.yishi.accounts;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** API refusals by the security filters, as RFC 9457 problem details in the caller's language. */
@Component
class Refusals {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final MessageSource messages;
    private final LocaleResolver locales;

    Refusals(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        write(request, response, 401, "unauthenticated", "problem.unauthenticated.detail");
    }

    void badToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, 401, "unauthenticated", "problem.bad-token.detail");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, 403, "forbidden", "problem.forbidden.detail");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String detail)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:yishi:problem:" + type);
        problem.put("title", messages.getMessage("problem." + type + ".title", null, locale));
        problem.put("status", status);
        problem.put("detail", messages.getMessage(detail, null, locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setContentType("application/problem+json"); // JSON is UTF-8 by definition (RFC 8259)
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}

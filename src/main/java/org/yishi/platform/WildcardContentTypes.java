package org.yishi.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A body is of one type: {@code Content-Type: *}{@code /*} or {@code application/*} names none, and Spring's message
 * reading fails on it with an exception of its own. Refused here with 415, answered by {@link ErrorAnswers}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WildcardContentTypes extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getContentType();
        if (header != null && !header.isBlank()) {
            try {
                if (MediaType.parseMediaType(header).isWildcardType() || MediaType.parseMediaType(header).isWildcardSubtype()) {
                    response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                    return;
                }
            } catch (InvalidMediaTypeException e) {
                response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

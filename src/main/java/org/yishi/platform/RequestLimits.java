package org.yishi.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request body must be before anything reads it: of one named type ({@code Content-Type: *}{@code /*} or
 * {@code application/*} names none, and Spring's reading fails on it with an exception of its own: 415), and, unless
 * it is a multipart upload (bounded by {@code spring.servlet.multipart.*}), at most
 * {@code yishi.max-request-body} (413), whether it states its length or not. Refusals are answered by
 * {@link ErrorAnswers} or, once reading has begun, by the API's mapping of {@link TooLarge}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLimits extends OncePerRequestFilter {

    /** Reading went past the limit of a body that did not state its length. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over the limit");
        }
    }

    private final long maxBody;

    RequestLimits(@Value("${yishi.max-request-body:2MB}") DataSize maxBody) {
        this.maxBody = maxBody.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getContentType();
        boolean multipart = false;
        if (header != null && !header.isBlank()) {
            MediaType type;
            try {
                type = MediaType.parseMediaType(header);
            } catch (InvalidMediaTypeException e) {
                response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                return;
            }
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                return;
            }
            multipart = "multipart".equals(type.getType());
        }
        if (multipart) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBody) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(new Bounded(request, maxBody), response);
    }

    /** The request with its body cut off at the limit: reading past it throws {@link TooLarge}. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++read > max) {
                            throw new TooLarge();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0 && (read += n) > max) {
                            throw new TooLarge();
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}

package org.yishi.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The server's own error answers, for requests it refuses before the application sees them (a NUL byte or an
 * undecodable escape in the address): a problem detail under {@code /api}, a plain page of the app's wording elsewhere,
 * both in the caller's language, instead of Tomcat's HTML page.
 */
class ProblemReportValve extends ErrorReportValve {

    /** Puts this valve in the place of Tomcat's error report valve. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                host.getPipeline().addValve(new ProblemReportValve());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Locale locale = request.getLocale() != null && "en".equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH : YishiLocales.CHINESE;
        String detail = text(locale, status >= 500 ? "problem.internal.unknown" : "problem.bad-request");
        String title = status >= 500 ? text(locale, "problem.internal.title")
                : text(locale, "problem.request.title").replace("{0}", String.valueOf(status));
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer out = response.getReporter();
            if (out == null) {
                return;
            }
            if (uri.startsWith("/api")) {
                response.setContentType("application/problem+json");
                out.write("{\"type\":\"urn:yishi:problem:http-" + status + "\",\"title\":" + quoted(title) + ",\"status\":"
                        + status + ",\"detail\":" + quoted(detail) + "}");
            } else {
                response.setContentType("text/html");
                out.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>"
                        + html(title) + "</title><link rel=\"stylesheet\" href=\"/css/yishi.css\"></head><body><section "
                        + "class=\"card error-page\"><h1>" + html(title) + "</h1><p class=\"error-message\">" + html(detail)
                        + "</p><p><a class=\"button\" href=\"/meetings\">" + html(text(locale, "error.back"))
                        + "</a></p></section></body></html>");
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already started: nothing more to say
        }
    }

    private static String text(Locale locale, String key) {
        try {
            return ResourceBundle.getBundle("messages", locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

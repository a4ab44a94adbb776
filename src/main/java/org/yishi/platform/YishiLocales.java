package org.yishi.platform;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The user's language: Chinese unless the user chose English. The choice is kept in a cookie (so any node serves
 * it the same way) and changed with {@code ?language=en} or {@code ?language=zh-CN}; a script calling the API may ask
 * with {@code Accept-Language}.
 */
final class YishiLocales implements LocaleResolver {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;
    static final String COOKIE = "yishi-lang";
    private static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale chosen = (Locale) request.getAttribute(COOKIE);
        if (chosen != null) {
            return chosen;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return parse(cookie.getValue());
                }
            }
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api") && request.getHeader("Accept-Language") != null) {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(request.getHeader("Accept-Language")), SUPPORTED);
            if (best == null && request.getLocale().getLanguage().equals("en")) {
                return ENGLISH;
            }
            return best == null ? CHINESE : best;
        }
        return CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = locale != null && locale.getLanguage().equals("en") ? ENGLISH : CHINESE;
        request.setAttribute(COOKIE, chosen);
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }

    static Locale parse(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : CHINESE;
    }
}

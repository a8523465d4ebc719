package org.gonghui.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes an RFC 9457 problem detail straight to the response, for answers given before Spring MVC runs (the
 * security chain, the fast refusal of a full activity). Same members, title and localised detail as the
 * problems {@code ErrorAdvice} returns from controllers, and the headers the security chain adds to API answers.
 */
public final class Problems {

    private final MessageSource messages;
    private final LocaleResolver locales;

    public Problems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /** The answer's JSON in the caller's language. */
    public byte[] json(HttpServletRequest request, HttpStatus status, String code, Object... args) {
        Locale locale = locales.resolveLocale(request);
        String title = messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale);
        String detail = messages.getMessage(code, args, code, locale);
        return ("{\"title\":" + quote(title) + ",\"status\":" + status.value() + ",\"detail\":"
                + quote(detail) + ",\"instance\":" + quote(request.getRequestURI()) + ",\"code\":" + quote(code) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            Object... args) throws IOException {
        write(response, status, json(request, status, code, args));
    }

    /** Writes a problem already rendered by {@link #json}, with the API's security headers. */
    public static void write(HttpServletResponse response, HttpStatus status, byte[] json) throws IOException {
        response.setStatus(status.value());
        SecurityHeaders.apply(response, SecurityHeaders.API_POLICY);
        response.setContentType("application/problem+json");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        response.setHeader("X-Frame-Options", "DENY");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

package org.gonghui.account.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gonghui.shared.web.Problems;
import org.gonghui.shared.web.ReplayedBody;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The doors anyone may knock on without signing in (sign-in, codes, tokens) take small bodies only, refused before
 * anything reads them: a declared {@code Content-Length} over {@link #LIMIT} is answered {@code 413} at once (the
 * connection is then closed, not drained); a chunked JSON body is read up to the limit and refused as soon as it
 * passes it; a chunked body of another type gets {@code 411} (browsers and the apps always declare the length of a
 * form). A problem detail on the API, the error page otherwise.
 */
class AnonymousBodyLimit extends OncePerRequestFilter {

    static final int LIMIT = 16 * 1024;

    private final Problems problems;

    AnonymousBodyLimit(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > LIMIT) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            if (!isJson(request)) {
                refuse(request, response, HttpStatus.LENGTH_REQUIRED);
                return;
            }
            byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
            if (body.length > LIMIT) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
                return;
            }
            chain.doFilter(new ReplayedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException {
        response.setHeader("Connection", "close");
        if (request.getRequestURI().startsWith("/api/")) {
            problems.write(request, response, status, "error.body-too-large", LIMIT / 1024);
        } else {
            response.sendError(status.value());
        }
        response.flushBuffer();
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "application/json", 0, 16);
    }
}

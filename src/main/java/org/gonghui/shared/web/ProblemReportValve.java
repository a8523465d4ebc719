package org.gonghui.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error report for answers it gives before the application sees the request (an encoded slash or a
 * broken percent-encoding in the path, a malformed request line): an RFC 9457 problem detail for API paths,
 * Tomcat's plain page (without server details) elsewhere. Errors inside the application go to
 * {@link ErrorPageController} instead.
 */
class ProblemReportValve extends ErrorReportValve {

    private final MessageSource messages;

    ProblemReportValve(MessageSource messages) {
        this.messages = messages;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int statusCode = response.getStatus();
        String uri = request.getRequestURI();
        if (statusCode < 400 || response.getContentWritten() > 0 || uri == null || !uri.startsWith("/api/")) {
            super.report(request, response, throwable);
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(statusCode);
        if (status == null) {
            status = HttpStatus.BAD_REQUEST;
        }
        Locale locale = locale(request.getHeader("Accept-Language"));
        String code = ErrorPageController.codeFor(status);
        String title = messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale);
        String detail = messages.getMessage(code, null, status.getReasonPhrase(), locale);
        String json = "{\"title\":" + Problems.quote(title) + ",\"status\":" + status.value() + ",\"detail\":"
                + Problems.quote(detail) + ",\"code\":" + Problems.quote(code) + "}";
        try {
            SecurityHeaders.apply(response, SecurityHeaders.API_POLICY);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response already went out: nothing more to tell
        }
    }

    /** The caller's language as the application would choose it without a cookie: English if asked first. */
    private static Locale locale(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }
}

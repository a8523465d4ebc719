package org.gonghui.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers the errors raised outside Spring MVC's handlers inside the application (a filter's or Spring
 * Security's firewall's {@code sendError}, a request the container refuses after routing it to the application):
 * an RFC 9457 problem detail when the request was for the API, the localised error page ({@code error.html})
 * otherwise. Replaces Spring Boot's error controller.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final MessageSource messages;
    private final LocaleResolver locales;

    ErrorPageController(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        Locale locale = locales.resolveLocale(request);
        String code = codeFor(status);
        String detail = messages.getMessage(code, null, status.getReasonPhrase(), locale);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        if (path.startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale));
            problem.setProperty("code", code);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** The message explaining an HTTP error status to a person. */
    static String codeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "error.invalid-input";
            case UNAUTHORIZED -> "error.unauthorized";
            case FORBIDDEN -> "error.forbidden";
            case NOT_FOUND -> "error.not-found";
            case METHOD_NOT_ALLOWED -> "error.method-not-allowed";
            case NOT_ACCEPTABLE -> "error.not-acceptable";
            case CONFLICT -> "error.conflict";
            case PAYLOAD_TOO_LARGE -> "error.too-large";
            case URI_TOO_LONG -> "error.too-large";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "error.too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "error.unsupported-media";
            case TOO_MANY_REQUESTS -> "error.too-many-requests";
            case SERVICE_UNAVAILABLE -> "error.unavailable";
            default -> status.is4xxClientError() ? "error.invalid-input" : "error.server";
        };
    }
}

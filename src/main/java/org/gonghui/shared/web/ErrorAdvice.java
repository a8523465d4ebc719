package org.gonghui.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gonghui.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One place that turns refusals into answers: RFC 9457 problem details (with localised {@code detail}) for
 * the API under {@code /api/}, and a localised error page for everything else. Bad input is a 4xx with a
 * reason, never a 500.
 */
@ControllerAdvice
class ErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    private final MessageSource messages;

    ErrorAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    Object domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            default -> HttpStatus.BAD_REQUEST;
        };
        return answer(request, status, e.code(), message(e.code(), e.args()), Map.of());
    }

    @ExceptionHandler(BindException.class)
    Object invalid(BindException e, HttpServletRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : e.getFieldErrors()) {
            InputRules.Refusal refusal = error.contains(Throwable.class)
                    ? FormTextConverter.RefusedText.in(error.unwrap(Throwable.class)) : null;
            fields.putIfAbsent(error.getField(), refusal != null ? message(refusal.code(), refusal.args())
                    : messages.getMessage(error, locale()));
        }
        String detail = fields.isEmpty() ? message("error.invalid-input") : String.join("；", fields.values());
        return answer(request, HttpStatus.BAD_REQUEST, "error.invalid-input", detail, Map.of("errors", fields));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<String> reasons = e.getAllErrors().stream().map(error -> messages.getMessage(error, locale())).toList();
        return answer(request, HttpStatus.BAD_REQUEST, "error.invalid-input", String.join("；", reasons), Map.of());
    }

    /** A body that is no JSON, or a field of the wrong type or refused by the input rules: the field is named. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        UnreadableBodies.Reason reason = UnreadableBodies.of(e);
        String detail = message(reason.code(), reason.args());
        Map<String, ?> extra = reason.field() == null ? Map.of() : Map.of("errors", Map.of(reason.field(), detail));
        return answer(request, HttpStatus.BAD_REQUEST, reason.code(), detail, extra);
    }

    /** A query parameter or form field of the wrong type, or text the input rules refuse: the field is named. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        InputRules.Refusal refusal = FormTextConverter.RefusedText.in(e);
        String code = refusal == null ? "error.invalid-input" : refusal.code();
        String detail = refusal == null ? message(code) : message(code, refusal.args());
        return answer(request, HttpStatus.BAD_REQUEST, code, detail, Map.of("errors", Map.of(e.getName(), detail)));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class,
            org.springframework.web.multipart.support.MissingServletRequestPartException.class,
            org.springframework.web.bind.ServletRequestBindingException.class})
    Object badRequest(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "error.invalid-input", message("error.invalid-input"), Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "upload.too-large", message("upload.too-large", 10), Map.of());
    }

    @ExceptionHandler(MultipartException.class)
    Object badUpload(MultipartException e, HttpServletRequest request) {
        return answer(request, HttpStatus.BAD_REQUEST, "upload.invalid", message("upload.invalid"), Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMedia(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.unsupported-media", message("error.unsupported-media"), Map.of());
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_ACCEPTABLE, "error.not-acceptable", message("error.not-acceptable"), Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "error.method-not-allowed", message("error.method-not-allowed"), Map.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "error.not-found", message("error.not-found"), Map.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    Object integrity(Exception e, HttpServletRequest request) {
        log.info("refused by a database constraint: {}", e.getMessage());
        return answer(request, HttpStatus.CONFLICT, "error.conflict", message("error.conflict"), Map.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    Object concurrentChange(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONFLICT, "error.concurrent-change", message("error.concurrent-change"), Map.of());
    }

    /**
     * The database did not answer (connection lost, restart, pool exhausted): nothing was confirmed, the caller may
     * try again — a clear 503, never a 500.
     */
    @ExceptionHandler({org.springframework.dao.TransientDataAccessException.class,
            org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.TransactionSystemException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.jdbc.CannotGetJdbcConnectionException.class})
    Object databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return answer(request, HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", message("error.unavailable"),
                Map.of());
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String code, String detail, Map<String, ?> extra) {
        log.debug("{} {} -> {} {}", request.getMethod(), request.getRequestURI(), status.value(), code);
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(message("error.title." + status.value(), status.getReasonPhrase()));
            problem.setProperty("code", code);
            extra.forEach(problem::setProperty);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error/problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, locale());
    }

    private String message(String code, String fallback) {
        return messages.getMessage(code, null, fallback, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}

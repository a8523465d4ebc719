package org.gonghui.shared.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Why a request body could not be read, in words a caller can act on: which field (as a path such as
 * {@code quotas[0].places}) and what it should hold, or that the body is missing or no JSON at all.
 */
final class UnreadableBodies {

    private UnreadableBodies() {
    }

    /** The field at fault (null when the body as a whole is) and the message code with its arguments. */
    record Reason(String field, String code, Object... args) {
    }

    static Reason of(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CheckedDeserializer.RefusedValue refused) {
            return new Reason(path(refused), refused.refusal().code(), refused.refusal().args());
        }
        if (cause instanceof InputCoercionException coercion) {
            return new Reason(path(coercion), "error.json.out-of-range");
        }
        if (cause instanceof StreamReadException) {
            return new Reason(null, "error.json.malformed");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return expected(path(mismatch), mismatch.getTargetType());
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return new Reason(path(databind), "error.json.invalid-value");
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return new Reason(path(jackson), "error.json.invalid-value");
        }
        if (cause == null && e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            return new Reason(null, "error.json.missing");
        }
        return new Reason(null, "error.json.malformed");
    }

    /** What a field of this type must hold. */
    private static Reason expected(String field, Class<?> type) {
        if (type == null) {
            return new Reason(field, "error.json.invalid-value");
        }
        if (type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return new Reason(field, "error.json.expected.enum", values);
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return new Reason(field, "error.json.expected.integer");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return new Reason(field, "error.json.expected.number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Reason(field, "error.json.expected.boolean");
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return new Reason(field, "error.json.expected.text");
        }
        if (type == LocalDate.class) {
            return new Reason(field, "error.json.expected.date");
        }
        if (type == LocalDateTime.class) {
            return new Reason(field, "error.json.expected.date-time");
        }
        if (type == LocalTime.class) {
            return new Reason(field, "error.json.expected.time");
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return new Reason(field, "error.json.expected.instant");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return new Reason(field, "error.json.expected.list");
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return new Reason(field, "error.json.expected.object");
        }
        return new Reason(field, "error.json.invalid-value");
    }

    /** The path to the field, as {@code a.b[2].c}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}

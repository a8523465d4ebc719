package org.gonghui.shared.web;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import org.gonghui.shared.MultiLine;
import org.gonghui.shared.PlausibleDates;

/**
 * The rules every bound value obeys whatever the field, checked in one place for JSON bodies
 * ({@link StrictJsonConfiguration}) and form fields ({@link FormTextConverter}): text holds no control character
 * (line breaks and tabs only in {@link MultiLine} fields) and is no longer than its maximum; dates and times lie
 * within {@value #FIRST_YEAR}–{@value #LAST_YEAR}; decimals are below a trillion.
 */
final class InputRules {

    static final int FIRST_YEAR = PlausibleDates.FIRST_YEAR;
    static final int LAST_YEAR = PlausibleDates.LAST_YEAR;

    private InputRules() {
    }

    /** Why a value is refused: a message code and its arguments. */
    record Refusal(String code, Object... args) {
    }

    /** The longest text a field takes: its {@code @Size(max)}, else the default for single- or multi-line text. */
    static int maxLength(Size size, boolean multiLine) {
        if (size != null && size.max() < Integer.MAX_VALUE) {
            return size.max();
        }
        return multiLine ? MultiLine.DEFAULT_MAX : MultiLine.SINGLE_LINE_MAX;
    }

    /** Null when the text is acceptable, else why not. */
    static Refusal checkText(String text, int maxLength, boolean multiLine) {
        if (text == null) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            return new Refusal("error.text.too-long", String.valueOf(maxLength));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                return new Refusal(multiLine ? "error.text.control" : "error.text.control-single-line");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
                return new Refusal("error.text.control");
            }
        }
        return null;
    }

    /** Decimals (amounts of money above all) have at most {@value #MAX_WHOLE_DIGITS} digits before the point. */
    static final int MAX_WHOLE_DIGITS = 12;

    /** Null when the decimal is within range, else why not. */
    static Refusal checkNumber(BigDecimal number) {
        if (number == null || number.precision() - number.scale() <= MAX_WHOLE_DIGITS) {
            return null;
        }
        return new Refusal("error.json.out-of-range");
    }

    /** Null when the date or time lies within the plausible years (or is no date at all), else why not. */
    static Refusal checkDate(Object value) {
        Integer year = yearOf(value);
        if (year == null || PlausibleDates.isPlausible(year)) {
            return null;
        }
        return new Refusal("error.date.out-of-range", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
    }

    private static Integer yearOf(Object value) {
        if (!(value instanceof Temporal)) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date.getYear();
        }
        if (value instanceof LocalDateTime time) {
            return time.getYear();
        }
        if (value instanceof OffsetDateTime time) {
            return time.getYear();
        }
        if (value instanceof ZonedDateTime time) {
            return time.getYear();
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).getYear();
        }
        return null;
    }
}

package org.gonghui.helpdesk.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.gonghui.helpdesk.CalendarDay;
import org.gonghui.shared.DomainException;

/** Form and path values of the calendar pages, refused with a message rather than a binding error. */
final class CalendarForms {

    private CalendarForms() {
    }

    /** The date typed (ISO, as a date input sends it); null when empty. */
    static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("helpdesk.calendar.day.invalid", text.strip());
        }
    }

    /** The kind chosen; null when none. */
    static CalendarDay.Kind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CalendarDay.Kind.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("helpdesk.calendar.kind.invalid", text.strip());
        }
    }
}

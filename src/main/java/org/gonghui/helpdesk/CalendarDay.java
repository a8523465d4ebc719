package org.gonghui.helpdesk;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One day of the working calendar that differs from the plain week: a statutory holiday (放假) or a make-up
 * working day (调休上班) on a weekend, with the name of the holiday it belongs to (e.g. 春节).
 */
public record CalendarDay(LocalDate day, Kind kind, String name) {

    public static final int MAX_NAME = 50;
    /** The years a calendar entry may lie in. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public enum Kind {
        /** A rest day (statutory holiday or a weekday given off in exchange). */
        HOLIDAY,
        /** A Saturday or Sunday worked in exchange for a day off (调休上班). */
        WORKDAY
    }

    public CalendarDay {
        List<String> problems = problems(day, kind, name);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(day + " " + kind + " " + name + ": " + problems);
        }
        name = name.strip();
    }

    public boolean isWorking() {
        return kind == Kind.WORKDAY;
    }

    /**
     * Why these values make no calendar day (message codes, empty when they do): a day within
     * {@value #FIRST_YEAR}–{@value #LAST_YEAR}, a kind, a name of 1–{@value #MAX_NAME} characters without control
     * characters; a make-up working day falls on a Saturday or Sunday (any other weekday works anyway).
     */
    public static List<String> problems(LocalDate day, Kind kind, String name) {
        List<String> problems = new ArrayList<>();
        if (day == null) {
            problems.add("helpdesk.calendar.day.required");
        } else if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            problems.add("helpdesk.calendar.day.out-of-range");
        }
        if (kind == null) {
            problems.add("helpdesk.calendar.kind.required");
        } else if (kind == Kind.WORKDAY && day != null && !isWeekend(day)) {
            problems.add("helpdesk.calendar.workday.not-weekend");
        }
        if (name == null || name.isBlank()) {
            problems.add("helpdesk.calendar.name.required");
        } else if (name.strip().codePointCount(0, name.strip().length()) > MAX_NAME) {
            problems.add("helpdesk.calendar.name.too-long");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add("error.text.control-single-line");
        }
        return problems;
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }
}

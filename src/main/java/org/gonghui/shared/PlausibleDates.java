package org.gonghui.shared;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Dates a person can mean: within {@value #FIRST_YEAR}–{@value #LAST_YEAR}. Request bodies are held to it when
 * bound; forms check it with the rest of their rules, so that both doors refuse the same dates.
 */
public final class PlausibleDates {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2100;

    private PlausibleDates() {
    }

    public static boolean isPlausible(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** Refuses ({@code error.date.out-of-range}) when any of the dates given is outside the plausible years. */
    public static void require(LocalDate... dates) {
        for (LocalDate date : dates) {
            if (date != null && !isPlausible(date.getYear())) {
                throw outOfRange();
            }
        }
    }

    /** Refuses ({@code error.date.out-of-range}) when any of the times given is outside the plausible years. */
    public static void require(LocalDateTime... times) {
        for (LocalDateTime time : times) {
            if (time != null && !isPlausible(time.getYear())) {
                throw outOfRange();
            }
        }
    }

    private static DomainException outOfRange() {
        return DomainException.invalid("error.date.out-of-range", String.valueOf(FIRST_YEAR), String.valueOf(LAST_YEAR));
    }
}

package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.time.Month;

/**
 * A cover year (保障年度): 1 May of {@code startYear} to 30 April of the next year. Rules, enrolments,
 * claims and the fund's accounts all belong to one cover year.
 */
public record CoverYear(int startYear) implements Comparable<CoverYear> {

    public CoverYear {
        if (startYear < 2000 || startYear > 2200) {
            throw new IllegalArgumentException("implausible cover year " + startYear);
        }
    }

    /** The first day of the earliest cover year the platform knows (claims and cover before it are implausible). */
    public static final LocalDate EARLIEST = LocalDate.of(2000, Month.MAY, 1);

    /** Whether a date can belong to a cover year at all: from {@link #EARLIEST} to the end of the latest one. */
    public static boolean isPlausible(LocalDate date) {
        return date != null && !date.isBefore(EARLIEST) && date.getYear() <= 2200;
    }

    /** The cover year a date falls into. */
    public static CoverYear of(LocalDate date) {
        return new CoverYear(date.getMonthValue() >= Month.MAY.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /** A cover year chosen by a user: the given start year, or the one today falls into; bad input is refused. */
    public static CoverYear chosen(Integer startYear, LocalDate today) {
        if (startYear == null) {
            return of(today);
        }
        if (startYear < 2000 || startYear > 2200) {
            throw org.gonghui.shared.DomainException.invalid("error.invalid-input");
        }
        return new CoverYear(startYear);
    }

    public LocalDate start() {
        return LocalDate.of(startYear, Month.MAY, 1);
    }

    public LocalDate end() {
        return LocalDate.of(startYear + 1, Month.APRIL, 30);
    }

    public boolean contains(LocalDate date) {
        return date != null && !date.isBefore(start()) && !date.isAfter(end());
    }

    public CoverYear previous() {
        return new CoverYear(startYear - 1);
    }

    public CoverYear next() {
        return new CoverYear(startYear + 1);
    }

    /** Days from the start to the date (inclusive), as a share of the year's days: 0 before, 1 after. */
    public double elapsed(LocalDate date) {
        if (date.isBefore(start())) {
            return 0;
        }
        if (date.isAfter(end())) {
            return 1;
        }
        long days = end().toEpochDay() - start().toEpochDay() + 1;
        return (date.toEpochDay() - start().toEpochDay() + 1) / (double) days;
    }

    /** e.g. {@code 2026-2027}. */
    public String label() {
        return startYear + "-" + (startYear + 1);
    }

    @Override
    public int compareTo(CoverYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return label();
    }
}

package org.gonghui.aid.grant;

import java.time.LocalDate;
import java.time.Month;

/**
 * A school year, named by the calendar year it starts in (2026 = 2026–2027, from 1 September). 金秋助学 is applied for
 * in late summer: from 1 July on one applies for the school year about to start, before that for the running one.
 */
public record SchoolYear(int startYear) {

    public SchoolYear {
        if (startYear < 2000 || startYear > 2100) {
            throw new IllegalArgumentException("school year out of range: " + startYear);
        }
    }

    public static SchoolYear applyingOn(LocalDate day) {
        return new SchoolYear(day.getMonth().compareTo(Month.JULY) >= 0 ? day.getYear() : day.getYear() - 1);
    }

    public String label() {
        return startYear + "–" + (startYear + 1);
    }

    @Override
    public String toString() {
        return label();
    }
}

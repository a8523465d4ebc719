package org.gonghui.helpdesk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** China's 2026 calendar as shipped (V7_5), and instants in the platform's zone, for unit tests. */
final class Calendars {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Calendars() {
    }

    /** The State Council's 2026 schedule (国务院办公厅关于2026年部分节假日安排的通知). */
    static WorkingCalendar china2026() {
        List<CalendarDay> days = new ArrayList<>();
        holidays(days, "元旦", "2026-01-01", "2026-01-03");
        days.add(workday("2026-01-04", "元旦"));
        holidays(days, "春节", "2026-02-15", "2026-02-23");
        days.add(workday("2026-02-14", "春节"));
        days.add(workday("2026-02-28", "春节"));
        holidays(days, "清明节", "2026-04-04", "2026-04-06");
        holidays(days, "劳动节", "2026-05-01", "2026-05-05");
        days.add(workday("2026-05-09", "劳动节"));
        holidays(days, "端午节", "2026-06-19", "2026-06-21");
        holidays(days, "中秋节", "2026-09-25", "2026-09-27");
        holidays(days, "国庆节", "2026-10-01", "2026-10-07");
        days.add(workday("2026-09-20", "国庆节"));
        days.add(workday("2026-10-10", "国庆节"));
        return WorkingCalendar.of(days);
    }

    static WorkingTime workingTime() {
        return new WorkingTime(china2026(), Clock.fixed(at("2026-01-01 00:00"), SHANGHAI));
    }

    /** An instant written as Shanghai's wall clock shows it ({@code 2026-02-13 10:00}). */
    static Instant at(String local) {
        return LocalDateTime.parse(local.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
    }

    private static void holidays(List<CalendarDay> days, String name, String from, String to) {
        for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
            days.add(new CalendarDay(day, CalendarDay.Kind.HOLIDAY, name));
        }
    }

    private static CalendarDay workday(String day, String name) {
        return new CalendarDay(LocalDate.parse(day), CalendarDay.Kind.WORKDAY, name);
    }
}

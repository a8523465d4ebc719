package org.gonghui.helpdesk;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * China's working calendar: a Saturday or Sunday is a rest day and any other day a working day, except the days
 * the State Council's yearly notice lists — statutory holidays (rest) and make-up working weekends (调休). Those
 * days are data ({@code helpdesk_calendar_day}, maintained by the city's admins), kept in memory and reloaded
 * when an admin changes them (and every few minutes, for the other instances).
 */
public class WorkingCalendar {

    private final Supplier<? extends Collection<CalendarDay>> source;
    private volatile Map<LocalDate, CalendarDay> days;

    WorkingCalendar(Supplier<? extends Collection<CalendarDay>> source) {
        this.source = source;
    }

    /** A calendar of fixed days, read from nothing else (unit tests, tools). */
    public static WorkingCalendar of(Collection<CalendarDay> days) {
        return new WorkingCalendar(() -> days);
    }

    public boolean isWorkingDay(LocalDate day) {
        CalendarDay entry = days().get(day);
        return entry != null ? entry.isWorking() : !CalendarDay.isWeekend(day);
    }

    /** The holiday or make-up day listed for {@code day}, if any. */
    public Optional<CalendarDay> entry(LocalDate day) {
        return Optional.ofNullable(days().get(day));
    }

    /** Reads the days again (after an admin's change, and periodically). */
    public void reload() {
        days = load();
    }

    private Map<LocalDate, CalendarDay> days() {
        Map<LocalDate, CalendarDay> loaded = days;
        if (loaded == null) {
            loaded = load();
            days = loaded;
        }
        return loaded;
    }

    private Map<LocalDate, CalendarDay> load() {
        return source.get().stream().collect(Collectors.toUnmodifiableMap(CalendarDay::day, Function.identity()));
    }
}

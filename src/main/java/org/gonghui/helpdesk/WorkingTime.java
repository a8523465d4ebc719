package org.gonghui.helpdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Working time: it runs 24 hours a day on working days (in the platform's zone, by the {@link WorkingCalendar})
 * and stands still on rest days and while a request waits for the member ({@link Pause}s). A time limit of
 * {@code n} working days is {@code n × 24} hours of it: a request received on a Friday at 10:00 with one working
 * day to answer is due on Monday at 10:00, and one received on a Saturday is due at the end of Monday.
 *
 * <p>A pause still going on ({@code to == null}) counts as ending "now" — the platform clock's instant, or the
 * {@code now} given — so a deadline read during a pause is the earliest it can be once the member answers.
 */
public class WorkingTime {

    /** No time limit reaches further than this; a calendar without working days for so long is an error. */
    private static final int MAX_DAYS = 3660;

    private final WorkingCalendar calendar;
    private final Clock clock;

    public WorkingTime(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    /** The instant at which {@code workingDays} × 24 h of working time have elapsed since {@code start}. */
    public Instant plus(Instant start, int workingDays, List<Pause> pauses) {
        return plus(start, workingDays, pauses, clock.instant());
    }

    /** As {@link #plus(Instant, int, List)}, an ongoing pause ending at {@code now}. */
    public Instant plus(Instant start, int workingDays, List<Pause> pauses, Instant now) {
        return plus(start, Duration.ofDays(workingDays), pauses, now);
    }

    /** The instant at which {@code amount} of working time has elapsed since {@code start}. */
    public Instant plus(Instant start, Duration amount, List<Pause> pauses, Instant now) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a negative amount of working time: " + amount);
        }
        List<Pause> stops = merged(pauses, now);
        Duration remaining = amount;
        LocalDate day = LocalDate.ofInstant(start, zone());
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            Instant from = max(start, startOf(day));
            Instant to = startOf(day.plusDays(1));
            for (Instant[] running : running(from, to, stops)) {
                Duration length = Duration.between(running[0], running[1]);
                if (length.compareTo(remaining) >= 0) {
                    return running[0].plus(remaining);
                }
                remaining = remaining.minus(length);
            }
        }
        throw new IllegalStateException("no working days within " + MAX_DAYS + " days after " + start);
    }

    /** The working time elapsed from {@code from} to {@code to}; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to, List<Pause> pauses) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        List<Pause> stops = merged(pauses, to);
        Duration elapsed = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, zone());
        for (LocalDate day = LocalDate.ofInstant(from, zone()); !day.isAfter(last); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            Instant start = max(from, startOf(day));
            Instant end = min(to, startOf(day.plusDays(1)));
            for (Instant[] running : running(start, end, stops)) {
                elapsed = elapsed.plus(Duration.between(running[0], running[1]));
            }
        }
        return elapsed;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** The parts of [from, to) outside every stop (stops sorted and disjoint). */
    private static List<Instant[]> running(Instant from, Instant to, List<Pause> stops) {
        List<Instant[]> parts = new ArrayList<>();
        Instant cursor = from;
        for (Pause stop : stops) {
            if (!stop.to().isAfter(cursor)) {
                continue;
            }
            if (!stop.from().isBefore(to)) {
                break;
            }
            if (stop.from().isAfter(cursor)) {
                parts.add(new Instant[] {cursor, stop.from()});
            }
            cursor = stop.to();
            if (!cursor.isBefore(to)) {
                return parts;
            }
        }
        if (cursor.isBefore(to)) {
            parts.add(new Instant[] {cursor, to});
        }
        return parts;
    }

    /** The pauses sorted, an ongoing one ended at {@code now}, overlapping ones joined. */
    private static List<Pause> merged(List<Pause> pauses, Instant now) {
        List<Pause> ended = new ArrayList<>();
        for (Pause pause : pauses == null ? List.<Pause>of() : pauses) {
            Instant to = pause.isOngoing() ? max(now, pause.from()) : pause.to();
            if (to.isAfter(pause.from())) {
                ended.add(new Pause(pause.from(), to));
            }
        }
        ended.sort(Comparator.comparing(Pause::from));
        List<Pause> merged = new ArrayList<>();
        for (Pause pause : ended) {
            Pause last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !pause.from().isAfter(last.to())) {
                merged.set(merged.size() - 1, new Pause(last.from(), max(last.to(), pause.to())));
            } else {
                merged.add(pause);
            }
        }
        return merged;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

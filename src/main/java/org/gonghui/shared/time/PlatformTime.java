package org.gonghui.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The platform's one time zone ({@code gonghui.zone}, Asia/Shanghai by default), whatever the server's own zone:
 * "now" and "today" for every rule, the day an instant falls on, the instant a typed date and time stands for, and
 * the text of every time shown to a person (pages through {@code #times}, exports, text messages). Nothing else in
 * the code base asks the JVM for its zone.
 */
@Component
public class PlatformTime {

    /** Date and time as pages, exports and messages show it. */
    public static final String DATE_TIME = "yyyy-MM-dd HH:mm";
    public static final String DATE_TIME_SECONDS = "yyyy-MM-dd HH:mm:ss";
    public static final String DATE = "yyyy-MM-dd";

    private final Clock clock;
    private final Map<String, DateTimeFormatter> formats = new ConcurrentHashMap<>();

    public PlatformTime(Clock clock) {
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today in the platform's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The day {@code instant} falls on in the platform's zone. */
    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }

    /** The wall-clock time {@code instant} shows in the platform's zone. */
    public LocalDateTime localOf(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone());
    }

    /** The instant a date and time typed by a person (in the platform's zone) stands for. */
    public Instant instantOf(LocalDateTime local) {
        return local.atZone(zone()).toInstant();
    }

    /** The first instant of {@code day} in the platform's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone()).toInstant();
    }

    /** {@code yyyy-MM-dd HH:mm}; empty for none. */
    public String dateTime(TemporalAccessor time) {
        return format(time, DATE_TIME);
    }

    /** {@code yyyy-MM-dd HH:mm:ss}; empty for none. */
    public String dateTimeSeconds(TemporalAccessor time) {
        return format(time, DATE_TIME_SECONDS);
    }

    /** {@code yyyy-MM-dd}; empty for none. */
    public String date(TemporalAccessor time) {
        return format(time, DATE);
    }

    /**
     * A time as text with a {@link DateTimeFormatter} pattern: an {@link Instant} in the platform's zone, a local date
     * or date-time as it is; empty for none.
     */
    public String format(TemporalAccessor time, String pattern) {
        if (time == null) {
            return "";
        }
        DateTimeFormatter format = formats.computeIfAbsent(pattern, p -> DateTimeFormatter.ofPattern(p).withZone(zone()));
        return format.format(time);
    }
}

package org.gonghui.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The rule of a weekly series (每周重复): the next instance is the current one with every time — window,
 * cancel deadline, sessions — moved by whole weeks of the federation's calendar, so "Tuesday 10:00" stays
 * Tuesday 10:00. It is the first such week whose window has not closed yet (a job that was down publishes no
 * instance already over), and there is none opening after the series' last date.
 */
final class WeeklyRepeat {

    private WeeklyRepeat() {
    }

    /** The form of the instance after {@code current}, or empty when it does not repeat (any more). */
    static Optional<ActivityForm> next(ActivityForm current, Instant now, ZoneId zone) {
        if (!current.repeatWeekly()) {
            return Optional.empty();
        }
        int weeks = weeksAhead(current.closesAt(), now, zone);
        LocalDateTime opens = current.opensAt().plusWeeks(weeks);
        if (current.repeatUntil() != null && opens.toLocalDate().isAfter(current.repeatUntil())) {
            return Optional.empty();
        }
        List<ActivitySession> sessions = current.sessionList(zone).stream()
                .map(s -> new ActivitySession(shift(s.startsAt(), weeks, zone), shift(s.endsAt(), weeks, zone)))
                .toList();
        return Optional.of(current.withTimes(opens, current.closesAt().plusWeeks(weeks),
                current.cancelDeadline() == null ? null : current.cancelDeadline().plusWeeks(weeks),
                ActivityForm.sessionsText(sessions, zone)));
    }

    /** How many weeks to move a window closing at {@code closesAt}: at least one, and enough to close after now. */
    static int weeksAhead(LocalDateTime closesAt, Instant now, ZoneId zone) {
        long behind = Duration.between(closesAt.atZone(zone).toInstant(), now).toDays() / 7;
        int weeks = (int) Math.max(1, behind);
        while (!closesAt.plusWeeks(weeks).atZone(zone).toInstant().isAfter(now)) {
            weeks++;
        }
        return weeks;
    }

    /** The same local time {@code weeks} weeks later in the zone (in a zone without daylight saving: 7 × 24 h). */
    static Instant shift(Instant at, int weeks, ZoneId zone) {
        return at.atZone(zone).plusWeeks(weeks).toInstant();
    }
}

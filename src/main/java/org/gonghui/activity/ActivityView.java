package org.gonghui.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * An activity as published; {@code repeatWeekly} when it is part of a weekly series (until {@code repeatUntil}
 * when set), {@code repeatOf} the instance it follows in its series. Immutable: the platform keeps recent snapshots in memory so that a rush on one
 * activity reads nothing from the database until a registration is stored.
 */
public record ActivityView(long id, long orgId, String orgPath, String title, ActivityCategory category,
        String description, String pictureUrl, String place, boolean online, AllocationMode mode, int capacity,
        Instant opensAt, Instant closesAt, Instant cancelDeadline, int confirmHours, Eligibility eligibility,
        Integer monthlyLimit, boolean needsAddress, boolean weightedDraw, ActivityStatus status, String entriesHash,
        Instant entriesFrozenAt, String drawSeed, Instant drawnAt, Instant attendanceClosedAt,
        List<ActivitySession> sessions, boolean repeatWeekly, LocalDate repeatUntil, Long repeatOf) {

    public ActivityView {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    public boolean isLottery() {
        return mode == AllocationMode.LOTTERY;
    }

    /** Where the registration window stands at {@code now}. */
    public Phase phase(Instant now) {
        if (status == ActivityStatus.CANCELLED) {
            return Phase.CANCELLED;
        }
        if (status != ActivityStatus.PUBLISHED || !now.isBefore(closesAt)) {
            return Phase.CLOSED;
        }
        return now.isBefore(opensAt) ? Phase.UPCOMING : Phase.OPEN;
    }

    public Instant firstStart() {
        return sessions.isEmpty() ? null : sessions.get(0).startsAt();
    }

    public Instant lastEnd() {
        return sessions.isEmpty() ? null : sessions.get(sessions.size() - 1).endsAt();
    }

    /** The month (yyyymm) the per-category monthly limit counts this activity in: its first session's, in the zone. */
    public int periodMonth(ZoneId zone) {
        Instant at = firstStart() != null ? firstStart() : opensAt;
        var date = at.atZone(zone).toLocalDate();
        return date.getYear() * 100 + date.getMonthValue();
    }

    public boolean cancellableAt(Instant now) {
        return cancelDeadline == null || now.isBefore(cancelDeadline);
    }

    /** The registration window's phase. */
    public enum Phase { UPCOMING, OPEN, CLOSED, CANCELLED }
}

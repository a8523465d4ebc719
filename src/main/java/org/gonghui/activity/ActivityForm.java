package org.gonghui.activity;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gonghui.member.MemberType;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.MultiLine;
import org.gonghui.shared.PlausibleDates;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What staff enter to publish or edit an activity. Times are local to the federation's zone. Sessions are
 * lines of {@code yyyy-MM-dd HH:mm minutes}, e.g. {@code 2026-12-06 14:00 90}. {@code repeatWeekly} makes it a
 * weekly series (each week's instance is published when this one opens), optionally with a last date
 * {@code repeatUntil}.
 */
public record ActivityForm(@Size(max = 100) String title, ActivityCategory category, @MultiLine String description,
        @Size(max = 300) String pictureUrl, String place, Boolean online, AllocationMode mode, Integer capacity,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime opensAt,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime closesAt,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime cancelDeadline, Integer confirmHours,
        Set<MemberType> memberTypes, Long eligibleOrgId, Boolean cardHoldersOnly, Integer minAge, Integer maxAge,
        Integer monthlyLimit, Boolean needsAddress, Boolean weightedDraw, @MultiLine String sessions, Boolean repeatWeekly,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate repeatUntil) {

    /** Unticked check boxes and absent JSON fields mean false; a last date means nothing without repetition. */
    public ActivityForm {
        online = Boolean.TRUE.equals(online);
        cardHoldersOnly = Boolean.TRUE.equals(cardHoldersOnly);
        needsAddress = Boolean.TRUE.equals(needsAddress);
        weightedDraw = Boolean.TRUE.equals(weightedDraw);
        memberTypes = memberTypes == null ? Set.of() : memberTypes;
        repeatWeekly = Boolean.TRUE.equals(repeatWeekly);
        repeatUntil = repeatWeekly ? repeatUntil : null;
    }

    /** A form of an activity that does not repeat. */
    ActivityForm(String title, ActivityCategory category, String description, String pictureUrl, String place,
            Boolean online, AllocationMode mode, Integer capacity, LocalDateTime opensAt, LocalDateTime closesAt,
            LocalDateTime cancelDeadline, Integer confirmHours, Set<MemberType> memberTypes, Long eligibleOrgId,
            Boolean cardHoldersOnly, Integer minAge, Integer maxAge, Integer monthlyLimit, Boolean needsAddress,
            Boolean weightedDraw, String sessions) {
        this(title, category, description, pictureUrl, place, online, mode, capacity, opensAt, closesAt, cancelDeadline,
                confirmHours, memberTypes, eligibleOrgId, cardHoldersOnly, minAge, maxAge, monthlyLimit, needsAddress,
                weightedDraw, sessions, false, null);
    }

    private static final Pattern SESSION = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2})\\s+(\\d{1,4})");

    /** An empty form with sensible defaults for the create page. */
    public static ActivityForm blank(java.time.Clock clock) {
        LocalDateTime opens = LocalDate.now(clock).plusDays(1).atTime(10, 0);
        return new ActivityForm("", ActivityCategory.TRAINING, "", "", "", false, AllocationMode.FIRST_COME, 30, opens,
                opens.plusDays(3), opens.plusDays(5), 24, Set.of(), null, false, null, null, null, false, false,
                opens.plusDays(7).toLocalDate() + " 14:00 90");
    }

    /** Checks the form; the refusals name the field in their message code. */
    void validate() {
        if (title == null || title.isBlank() || title.length() > 100) {
            throw DomainException.invalid("activity.title.invalid");
        }
        if (category == null || mode == null) {
            throw DomainException.invalid("activity.category.invalid");
        }
        if (capacity == null || capacity < 1 || capacity > 1_000_000) {
            throw DomainException.invalid("activity.capacity.invalid");
        }
        if (opensAt == null || closesAt == null || !closesAt.isAfter(opensAt)) {
            throw DomainException.invalid("activity.window.invalid");
        }
        PlausibleDates.require(opensAt, closesAt, cancelDeadline);
        PlausibleDates.require(repeatUntil);
        if (cancelDeadline != null && cancelDeadline.isBefore(opensAt)) {
            throw DomainException.invalid("activity.cancel-deadline.invalid");
        }
        if (confirmHours != null && (confirmHours < 1 || confirmHours > 24 * 14)) {
            throw DomainException.invalid("activity.confirm-hours.invalid");
        }
        if (monthlyLimit != null && (monthlyLimit < 1 || monthlyLimit > 100)) {
            throw DomainException.invalid("activity.monthly-limit.invalid");
        }
        if (description != null && description.length() > 4000 || place != null && place.length() > 200
                || pictureUrl != null && pictureUrl.length() > 300) {
            throw DomainException.invalid("activity.text.too-long");
        }
        if (pictureUrl != null && !pictureUrl.isBlank() && !pictureUrl.matches("(https?://|/)[^\\s\"'<>]*")) {
            throw DomainException.invalid("activity.picture.invalid");
        }
        sessionList(java.time.ZoneOffset.UTC); // the format only: the zone does not change what is valid
        if (repeatUntil != null && repeatUntil.isBefore(opensAt.toLocalDate())) {
            throw DomainException.invalid("activity.repeat-until.invalid");
        }
    }

    /** This form with other times (a weekly series' next instance). */
    ActivityForm withTimes(LocalDateTime opens, LocalDateTime closes, LocalDateTime cancel, String sessionLines) {
        return new ActivityForm(title, category, description, pictureUrl, place, online, mode, capacity, opens, closes,
                cancel, confirmHours, memberTypes, eligibleOrgId, cardHoldersOnly, minAge, maxAge, monthlyLimit,
                needsAddress, weightedDraw, sessionLines, repeatWeekly, repeatUntil);
    }

    /** The sessions, in time order; their dates and times are in {@code zone}. */
    List<ActivitySession> sessionList(java.time.ZoneId zone) {
        List<ActivitySession> list = new ArrayList<>();
        if (sessions == null) {
            return list;
        }
        for (String line : sessions.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = SESSION.matcher(line.trim());
            if (!m.matches()) {
                throw DomainException.invalid("activity.session.invalid");
            }
            try {
                LocalDateTime start = LocalDate.parse(m.group(1)).atTime(LocalTime.parse(pad(m.group(2))));
                int minutes = Integer.parseInt(m.group(3));
                var begins = start.atZone(zone).toInstant();
                list.add(new ActivitySession(begins, begins.plusSeconds(60L * minutes)));
            } catch (java.time.format.DateTimeParseException e) {
                throw DomainException.invalid("activity.session.invalid");
            }
        }
        if (list.size() > 100) {
            throw DomainException.invalid("activity.session.invalid");
        }
        list.sort(java.util.Comparator.comparing(ActivitySession::startsAt));
        return list;
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    /** The sessions as the form shows them. */
    static String sessionsText(List<ActivitySession> sessions, java.time.ZoneId zone) {
        StringBuilder text = new StringBuilder();
        for (ActivitySession s : sessions) {
            LocalDateTime start = LocalDateTime.ofInstant(s.startsAt(), zone);
            text.append(start.toLocalDate()).append(' ').append(start.toLocalTime()).append(' ').append(s.minutes())
                    .append('\n');
        }
        return text.toString().trim();
    }

    static ActivityForm of(ActivityView a, Long eligibleOrgId, java.time.ZoneId zone) {
        return new ActivityForm(a.title(), a.category(), a.description(), a.pictureUrl(), a.place(), a.online(), a.mode(),
                a.capacity(), LocalDateTime.ofInstant(a.opensAt(), zone),
                LocalDateTime.ofInstant(a.closesAt(), zone),
                a.cancelDeadline() == null ? null : LocalDateTime.ofInstant(a.cancelDeadline(), zone),
                a.confirmHours(), a.eligibility().memberTypes(), eligibleOrgId, a.eligibility().cardHoldersOnly(),
                a.eligibility().minAge(), a.eligibility().maxAge(), a.monthlyLimit(), a.needsAddress(), a.weightedDraw(),
                sessionsText(a.sessions(), zone), a.repeatWeekly(), a.repeatUntil());
    }
}

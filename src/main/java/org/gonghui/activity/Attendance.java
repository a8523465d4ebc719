package org.gonghui.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in at the activity (the member's QR code, scanned or typed), no-shows and the suspension they lead to,
 * and the DIY-kit shipping list.
 */
@Service
public class Attendance {

    private final Activities activities;
    private final RegistrationStore registrations;
    private final MemberDirectory directory;
    private final Registrants registrants;
    private final NoShowRule rule;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Attendance(Activities activities, RegistrationStore registrations, MemberDirectory directory,
            Registrants registrants, NoShowRule rule, JdbcClient jdbc, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.activities = activities;
        this.registrations = registrations;
        this.directory = directory;
        this.registrants = registrants;
        this.rule = rule;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records attendance once for the confirmed registration carrying the code. */
    @Transactional
    public CheckIn checkIn(CurrentUser staff, long activityId, String typedCode) {
        ActivityView activity = activities.requireInScope(staff, activityId);
        String code = Codes.normalise(typedCode);
        RegistrationView r = (code == null ? Optional.<RegistrationView>empty() : registrations.findByCode(code))
                .filter(found -> found.activityId() == activityId)
                .orElseThrow(() -> DomainException.invalid("checkin.unknown-code"));
        if (r.status() != RegistrationStatus.CONFIRMED) {
            throw DomainException.conflict("checkin.not-confirmed");
        }
        if (r.attendedAt() != null) {
            throw DomainException.conflict("checkin.already",
                    LocalDateTime.ofInstant(r.attendedAt(), clock.getZone()).toString().replace('T', ' '));
        }
        Instant now = now();
        int updated = jdbc.sql("update registration set attended_at = :now where id = :id and attended_at is null")
                .param("now", Timestamp.from(now)).param("id", r.id()).update();
        if (updated == 0) {
            throw DomainException.conflict("checkin.already", "");
        }
        audit.record("activity.check-in", "registration", r.id(), null);
        events.publishEvent(new ActivityAttended(r.id(), activityId, r.memberId(), activity.title(), now));
        String name = directory.find(r.memberId()).map(m -> Masking.name(m.name())).orElse("");
        return new CheckIn(r.id(), r.memberId(), name, now);
    }

    /**
     * Closes attendance once the activity has begun: confirmed registrations not checked in become no-shows,
     * and members reaching the rule's limit are suspended. Returns the number of no-shows.
     */
    @Transactional
    public int closeAttendance(CurrentUser staff, long activityId) {
        ActivityView a = activities.requireInScope(staff, activityId);
        Instant now = now();
        if (a.attendanceClosedAt() != null) {
            throw DomainException.conflict("checkin.closed");
        }
        if (a.firstStart() != null && now.isBefore(a.firstStart())) {
            throw DomainException.conflict("checkin.not-started");
        }
        List<Long> absent = jdbc.sql("""
                select member_id from registration where activity_id = :a and status = 'CONFIRMED' and attended_at is null""")
                .param("a", activityId).query(Long.class).list();
        jdbc.sql("""
                update registration set no_show = true, updated_at = :now
                where activity_id = :a and status = 'CONFIRMED' and attended_at is null""")
                .param("now", Timestamp.from(now)).param("a", activityId).update();
        for (long member : absent) {
            applyRule(member, now);
        }
        jdbc.sql("update activity set attendance_closed_at = :now where id = :id").param("now", Timestamp.from(now))
                .param("id", activityId).update();
        activities.forget(activityId);
        audit.record("activity.close-attendance", "activity", activityId, absent.size() + " no-shows");
        return absent.size();
    }

    private void applyRule(long memberId, Instant now) {
        int noShows = jdbc.sql("select count(*) from registration where member_id = :m and no_show and updated_at > :since")
                .param("m", memberId).param("since", Timestamp.from(now.minus(rule.windowDays, ChronoUnit.DAYS)))
                .query(Integer.class).single();
        boolean suspended = jdbc.sql("select count(*) from activity_suspension where member_id = :m and until_at > :now")
                .param("m", memberId).param("now", Timestamp.from(now)).query(Integer.class).single() > 0;
        if (rule.suspends(noShows) && !suspended) {
            jdbc.sql("""
                    insert into activity_suspension (member_id, from_at, until_at, reason)
                    values (:m, :from, :until, :reason)""")
                    .param("m", memberId).param("from", Timestamp.from(now))
                    .param("until", Timestamp.from(now.plus(rule.suspensionDays, ChronoUnit.DAYS)))
                    .param("reason", noShows + " no-shows in " + rule.windowDays + " days").update();
            directory.forget(memberId);
            events.publishEvent(new MemberSuspended(memberId, now.plus(rule.suspensionDays, ChronoUnit.DAYS)));
            audit.record("activity.suspend", "member", memberId, noShows + " no-shows");
        }
    }

    /**
     * The shipping list of a DIY-kit activity (audit-logged): confirmed registrations with the address the member
     * gave for the kit, then who registered — name, organisation, masked phone, blank for a member now outside
     * the staff user's scope.
     */
    @Transactional
    public List<List<Object>> shippingList(CurrentUser staff, long activityId) {
        ActivityView a = activities.requireInScope(staff, activityId);
        audit.record("activity.shipping-export", "activity", activityId, null);
        List<Shipment> shipments = jdbc.sql("""
                select id, member_id, recipient, recipient_phone, address, place_no from registration
                where activity_id = :a and status = 'CONFIRMED' order by place_no""")
                .param("a", activityId)
                .query((rs, n) -> new Shipment(rs.getLong("id"), rs.getLong("member_id"),
                        registrations.shippingAddress(rs), rs.getInt("place_no")))
                .list();
        var members = registrants.inScope(Activities.scopeOf(staff), shipments.stream().map(Shipment::memberId).toList());
        return shipments.stream().map(s -> {
            var member = members.get(s.memberId());
            ShippingAddress to = s.address();
            return List.<Object>of(s.registrationId(), a.title(), nz(to.recipient()), nz(to.phone()), nz(to.address()),
                    s.place(),
                    member == null ? "" : member.name(), member == null ? "" : member.orgName(),
                    member == null ? "" : nz(member.phoneMasked()));
        }).toList();
    }

    private record Shipment(long registrationId, long memberId, ShippingAddress address, int place) {
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

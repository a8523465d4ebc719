package org.gonghui.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.gonghui.shared.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute: publishes the next week's instance of each weekly series whose current instance has opened
 * ({@link WeeklyRepeat}), so members see next week's countdown while this week's places are taken. A copy with
 * fresh registrations, linked to the instance it follows. Safe to run repeatedly and on several instances at
 * once: a unique constraint on that link lets each instance have one next instance only, and the loser's
 * transaction rolls back.
 */
@Component
class WeeklySeries {

    private static final Logger log = LoggerFactory.getLogger(WeeklySeries.class);
    private static final int BATCH = 100;
    static final String CREATED_BY = "system:weekly";

    private final ActivityStore store;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    WeeklySeries(ActivityStore store, org.springframework.jdbc.core.simple.JdbcClient jdbc, TransactionTemplate tx,
            AuditLog audit, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gonghui.activity.repeat-delay:60000}", initialDelay = 20_000)
    @SchedulerLock(name = "activity-weekly-series", lockAtMostFor = "PT10M", lockAtLeastFor = "PT50S")
    void run() {
        try {
            int published = publishDue(clock.instant());
            if (published > 0) {
                log.info("{} weekly activities published", published);
            }
        } catch (RuntimeException e) {
            log.warn("weekly publication failed; will retry", e);
        }
    }

    /** Publishes the next instances due at {@code now}; returns how many this call published. */
    int publishDue(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        int published = 0;
        for (ActivityView current : store.repeatsDue(at, BATCH)) {
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> publishNext(current, at)))) {
                    published++;
                }
            } catch (DataIntegrityViolationException e) {
                log.debug("next instance of activity {} published elsewhere", current.id());
            } catch (DataAccessException e) {
                log.warn("next instance of activity {} not published; will retry", current.id(), e);
            }
        }
        return published;
    }

    private boolean publishNext(ActivityView current, Instant now) {
        Optional<ActivityForm> next = WeeklyRepeat.next(ActivityForm.of(current, null, clock.getZone()), now, clock.getZone());
        if (next.isEmpty()) {
            store.stopRepeat(current.id(), now);
            return false;
        }
        ActivityForm form = next.get();
        long id = store.insert(form, current.orgId(), current.orgPath(), current.eligibility().orgPath(), CREATED_BY);
        store.setRepeat(id, true, form.repeatUntil());
        store.linkRepeat(id, current.id());
        copyQuotas(current, id, form);
        audit.record(CREATED_BY, current.orgId(), "activity.repeat-publish", "activity", id,
                "weekly after " + current.id() + ": " + form.title());
        return true;
    }

    /** The next instance splits its places like this one, with the release moved by the same weeks. */
    private void copyQuotas(ActivityView current, long nextId, ActivityForm next) {
        var plan = jdbc.sql("select release_at, updated_by from activity_quota_plan where activity_id = :a")
                .param("a", current.id())
                .query((rs, n) -> new Object[] {rs.getTimestamp(1), rs.getString(2)}).optional();
        if (plan.isEmpty()) {
            return;
        }
        java.time.Duration shift = java.time.Duration.between(current.opensAt(),
                next.opensAt().atZone(clock.getZone()).toInstant());
        java.sql.Timestamp release = (java.sql.Timestamp) plan.get()[0];
        jdbc.sql("""
                insert into activity_quota_plan (activity_id, release_at, updated_at, updated_by)
                values (:a, :r, :now, :by)""")
                .param("a", nextId).param("r", release == null ? null : java.sql.Timestamp.from(release.toInstant().plus(shift)))
                .param("now", java.sql.Timestamp.from(clock.instant())).param("by", CREATED_BY).update();
        jdbc.sql("""
                insert into activity_quota (activity_id, org_id, first_place, places)
                select :n, org_id, first_place, places from activity_quota where activity_id = :a""")
                .param("n", nextId).param("a", current.id()).update();
    }
}

package org.gonghui.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: quotas whose release time has come return their unused places to the common pool. The pool
 * itself follows the clock (a released quota's places are open to every eligible member from that moment);
 * this job offers them to the members already waiting, in waitlist order. Each plan is claimed with a
 * conditional update, so on several instances exactly one does it.
 */
@Component
class QuotaRelease {

    private static final Logger log = LoggerFactory.getLogger(QuotaRelease.class);

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final Clock clock;

    QuotaRelease(JdbcClient jdbc, Registrations registrations, Clock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gonghui.activity.quota-release-delay:60000}",
            initialDelayString = "${gonghui.activity.quota-release-initial-delay:20000}")
    @SchedulerLock(name = "activity-quota-release", lockAtMostFor = "PT10M", lockAtLeastFor = "PT50S")
    void run() {
        try {
            releaseDue();
        } catch (RuntimeException e) {
            log.warn("quota release failed; will retry", e);
        }
    }

    /** Releases every plan due; returns how many waitlisted members were offered a place. */
    int releaseDue() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> due = jdbc.sql("""
                select activity_id from activity_quota_plan
                where release_at <= :now and released_done_at is null order by release_at""")
                .param("now", now).query(Long.class).list();
        int offered = 0;
        for (long activityId : due) {
            int claimed = jdbc.sql("""
                    update activity_quota_plan set released_done_at = :now
                    where activity_id = :a and released_done_at is null""")
                    .param("now", now).param("a", activityId).update();
            if (claimed == 1) {
                int n = registrations.offerFreePlaces(activityId);
                if (n > 0) {
                    log.info("quota release of activity {}: {} places offered to the waitlist", activityId, n);
                }
                offered += n;
            }
        }
        return offered;
    }
}

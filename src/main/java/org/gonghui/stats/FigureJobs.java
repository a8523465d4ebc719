package org.gonghui.stats;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.gonghui.shared.time.PlatformTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the dashboards' figures are refreshed: every few minutes ({@code gonghui.dashboards.refresh}, an ISO-8601
 * duration, default five minutes), once at start-up after the demo data (in the background, so the platform is
 * up at once), and at the turn of the year (01:00 on 1 January in the platform's zone) when the year that ended is
 * frozen. One instance of a cluster runs each job (ShedLock).
 */
@Component
class FigureJobs {

    private static final Logger log = LoggerFactory.getLogger(FigureJobs.class);

    private final FigureRefresh refresh;
    private final PlatformTime time;
    private final boolean onStart;

    FigureJobs(FigureRefresh refresh, PlatformTime time,
            @Value("${gonghui.dashboards.refresh-on-start:true}") boolean onStart) {
        this.refresh = refresh;
        this.time = time;
        this.onStart = onStart;
    }

    @Scheduled(fixedDelayString = "${gonghui.dashboards.refresh:PT5M}",
            initialDelayString = "${gonghui.dashboards.refresh:PT5M}")
    @SchedulerLock(name = "dashboards-refresh", lockAtMostFor = "PT30M")
    void refreshRecent() {
        refresh.refreshRecent();
    }

    @Scheduled(cron = "${gonghui.dashboards.freeze-cron:0 0 1 1 1 *}", zone = "${gonghui.zone}")
    @SchedulerLock(name = "dashboards-freeze", lockAtMostFor = "PT1H")
    void freezeEndedYear() {
        refresh.freezeEnded(time.today().getYear() - 1);
    }

    /** After every application runner (the demo data among them) has run. */
    @EventListener(ApplicationReadyEvent.class)
    void refreshAtStart() {
        if (!onStart) {
            return;
        }
        Thread first = new Thread(() -> {
            try {
                refresh.refreshRecent();
            } catch (RuntimeException e) {
                log.warn("The first refresh of the dashboards failed; the scheduled one will try again", e);
            }
        }, "dashboards-first-refresh");
        first.setDaemon(true);
        first.start();
    }
}

package org.gonghui.content;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled articles when their time comes and runs unfinished pushes (also those a crash interrupted),
 * on one instance at a time.
 */
@Component
class PublishingJob {

    private final Articles articles;
    private final Pushes pushes;

    PublishingJob(Articles articles, Pushes pushes) {
        this.articles = articles;
        this.pushes = pushes;
    }

    @Scheduled(fixedDelayString = "${gonghui.content.job-delay:15000}", initialDelayString = "${gonghui.content.job-initial-delay:15000}")
    @SchedulerLock(name = "content-publishing", lockAtMostFor = "PT30M")
    void run() {
        articles.publishDue();
        pushes.runPending();
    }
}

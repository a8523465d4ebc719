package org.gonghui.activity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: offers of a freed place not confirmed in time expire and the place moves to the next in line.
 * Safe on several instances at once: each expiry is a conditional update, and the next in line is locked with
 * {@code SKIP LOCKED}.
 */
@Component
class OfferExpiry {

    private static final Logger log = LoggerFactory.getLogger(OfferExpiry.class);

    private final Registrations registrations;

    OfferExpiry(Registrations registrations) {
        this.registrations = registrations;
    }

    @Scheduled(fixedDelayString = "${gonghui.activity.offer-expiry-delay:60000}", initialDelay = 30_000)
    @SchedulerLock(name = "activity-offer-expiry", lockAtMostFor = "PT10M", lockAtLeastFor = "PT50S")
    void expire() {
        try {
            int expired = registrations.expireOffers();
            if (expired > 0) {
                log.info("{} waitlist offers expired and passed on", expired);
            }
        } catch (RuntimeException e) {
            log.warn("offer expiry failed; will retry", e);
        }
    }
}

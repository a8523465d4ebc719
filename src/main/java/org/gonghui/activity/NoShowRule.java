package org.gonghui.activity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The no-show rule: {@code limit} no-shows within {@code windowDays} suspend registration for
 * {@code suspensionDays} (defaults 2, 90 and 30; set {@code gonghui.activity.no-show.*}).
 */
@Component
class NoShowRule {

    final int limit;
    final int windowDays;
    final int suspensionDays;

    NoShowRule(@Value("${gonghui.activity.no-show.limit:2}") int limit,
            @Value("${gonghui.activity.no-show.window-days:90}") int windowDays,
            @Value("${gonghui.activity.no-show.suspension-days:30}") int suspensionDays) {
        this.limit = limit;
        this.windowDays = windowDays;
        this.suspensionDays = suspensionDays;
    }

    boolean suspends(int noShowsInWindow) {
        return limit > 0 && noShowsInWindow >= limit;
    }
}

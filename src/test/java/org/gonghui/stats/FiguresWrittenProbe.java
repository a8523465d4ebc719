package org.gonghui.stats;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs a test's check inside the refresh's transaction, after the rows are written and before the commit. */
@Component
public class FiguresWrittenProbe {

    private record Armed(int year, Runnable check) {
    }

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    /** Runs {@code check} once, during the next write of {@code year}'s figures. */
    public void arm(int year, Runnable check) {
        armed.set(new Armed(year, check));
    }

    @EventListener
    void written(FiguresWritten event) {
        Armed a = armed.get();
        if (a != null && a.year() == event.year() && armed.compareAndSet(a, null)) {
            a.check().run();
        }
    }
}

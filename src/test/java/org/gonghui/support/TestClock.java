package org.gonghui.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform clock of every integration test: the real clock (in the platform's zone) until a test stops it at an
 * instant of its choosing, so time-dependent behaviour (deadlines, the traffic light, windows) is tried without
 * waiting and to the second. It is the {@code @Primary} {@link Clock} of the shared test context
 * ({@link IntegrationTest}); a test that sets it puts it back with {@link #reset()} (in an {@code @AfterEach}), so
 * the other tests see the real time.
 */
public final class TestClock extends Clock {

    private final Clock real;
    private final AtomicReference<Instant> stopped;

    TestClock(Clock real) {
        this(real, new AtomicReference<>());
    }

    private TestClock(Clock real, AtomicReference<Instant> stopped) {
        this.real = real;
        this.stopped = stopped;
    }

    /** Stops "now" at {@code instant} until it is set, advanced or reset again. */
    public void set(Instant instant) {
        stopped.set(instant);
    }

    /** Moves "now" on by {@code amount} (from the real time if the clock was running). */
    public void advance(Duration amount) {
        stopped.set(instant().plus(amount));
    }

    /** Back to the real, running time. */
    public void reset() {
        stopped.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = stopped.get();
        return at != null ? at : real.instant();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(real.withZone(zone), stopped);
    }
}

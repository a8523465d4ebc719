package org.gonghui.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.gonghui.shared.GonghuiProperties;

/**
 * "Now" and "today" as the platform counts them in tests (which run with the default {@code gonghui.zone}), never
 * the test JVM's own zone: the build runs tests with a far-away default zone to catch code that asks the JVM.
 */
public final class PlatformZone {

    public static final ZoneId ZONE = GonghuiProperties.DEFAULT_ZONE;

    private PlatformZone() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static LocalDateTime now() {
        return LocalDateTime.now(ZONE);
    }
}

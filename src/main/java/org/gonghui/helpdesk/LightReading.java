package org.gonghui.helpdesk;

import java.time.Instant;

/**
 * A request's traffic light at one instant, why (a message code, {@code helpdesk.light.reason.*}), and its three
 * deadlines.
 *
 * @param light null for a closed request (it has no light)
 * @param nextUpdateDue null when nothing waits for staff
 */
public record LightReading(Light light, String reasonKey, Instant firstResponseDue, Instant nextUpdateDue,
        Instant resolutionDue) {
}

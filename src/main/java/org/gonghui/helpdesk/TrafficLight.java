package org.gonghui.helpdesk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The one place a request's traffic light is computed — for pages, lists, the member and the scheduled job alike —
 * as a pure function of the request's {@link LightFacts} and an instant. In working time ({@link WorkingTime}):
 * <ul>
 * <li>red when the resolution time is used up, or when the member has waited for an answer
 * {@code yellowAfterUnansweredDays + redAfterYellowDays} (a yellow request still unanswered);</li>
 * <li>yellow when the member has waited {@code yellowAfterUnansweredDays} (Ningbo's seven days), or when
 * {@code yellowShareOfResolution} of the resolution time is used;</li>
 * <li>green otherwise; a closed request has no light.</li>
 * </ul>
 * While the request waits for the member its working time stands still, so the light holds.
 */
public class TrafficLight {

    static final String REASON = "helpdesk.light.reason.";

    private final WorkingTime workingTime;

    public TrafficLight(WorkingTime workingTime) {
        this.workingTime = workingTime;
    }

    public LightReading read(LightFacts facts, Instant now) {
        Limits limits = facts.limits();
        LightRule rule = facts.rule();
        Instant firstResponseDue = workingTime.plus(facts.receivedAt(), limits.firstResponseDays(), facts.pauses(), now);
        Instant resolutionDue = workingTime.plus(facts.receivedAt(), limits.resolutionDays(), facts.pauses(), now);
        if (facts.status() == RequestStatus.CLOSED) {
            return new LightReading(null, REASON + "closed", firstResponseDue, null, resolutionDue);
        }
        Instant nextUpdateDue = facts.unansweredSince() == null ? null
                : workingTime.plus(facts.unansweredSince(), limits.nextUpdateDays(), facts.pauses(), now);
        Duration used = workingTime.between(facts.receivedAt(), now, facts.pauses());
        Duration unanswered = facts.unansweredSince() == null ? Duration.ZERO
                : workingTime.between(facts.unansweredSince(), now, facts.pauses());
        Duration resolution = Duration.ofDays(limits.resolutionDays());
        Light light;
        String reason;
        if (used.compareTo(resolution) >= 0) {
            light = Light.RED;
            reason = "resolution-overdue";
        } else if (unanswered.compareTo(Duration.ofDays(rule.yellowAfterUnansweredDays() + rule.redAfterYellowDays())) >= 0) {
            light = Light.RED;
            reason = "unanswered-after-yellow";
        } else if (unanswered.compareTo(Duration.ofDays(rule.yellowAfterUnansweredDays())) >= 0) {
            light = Light.YELLOW;
            reason = "unanswered";
        } else if (used.compareTo(share(resolution, rule.yellowShareOfResolution())) >= 0) {
            light = Light.YELLOW;
            reason = "resolution-share";
        } else {
            light = Light.GREEN;
            reason = facts.status() == RequestStatus.WAITING_MEMBER ? "waiting-member" : "on-time";
        }
        return new LightReading(light, REASON + reason, firstResponseDue, nextUpdateDue, resolutionDue);
    }

    private static Duration share(Duration whole, BigDecimal share) {
        return Duration.ofSeconds(new BigDecimal(whole.toSeconds()).multiply(share).setScale(0, RoundingMode.CEILING)
                .longValueExact());
    }
}

package org.gonghui.helpdesk;

import java.math.BigDecimal;

/**
 * When the traffic light changes (see {@link TrafficLight}): yellow after {@code yellowAfterUnansweredDays}
 * working days without an answer (Ningbo's seven) or once {@code yellowShareOfResolution} of the resolution time
 * is used; red when the resolution deadline has passed or {@code redAfterYellowDays} working days after a
 * request turned yellow for want of an answer, still unanswered.
 */
public record LightRule(int yellowAfterUnansweredDays, BigDecimal yellowShareOfResolution, int redAfterYellowDays) {

    public LightRule {
        Limits.requireDays(yellowAfterUnansweredDays);
        Limits.requireDays(redAfterYellowDays);
        if (yellowShareOfResolution == null || yellowShareOfResolution.signum() <= 0
                || yellowShareOfResolution.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a share between 0 and 1: " + yellowShareOfResolution);
        }
        yellowShareOfResolution = yellowShareOfResolution.stripTrailingZeros();
    }

    /** Ningbo's rule: yellow after 7 working days unanswered or 80% of the resolution time, red 3 days later. */
    public static LightRule standard() {
        return new LightRule(7, new BigDecimal("0.8"), 3);
    }
}

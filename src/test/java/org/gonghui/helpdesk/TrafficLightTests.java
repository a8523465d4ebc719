package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.helpdesk.Calendars.at;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The traffic light, transition by transition, with the default rule (yellow after 7 working days unanswered or
 * 80% of the resolution time, red 3 working days later or past the deadline) on China's 2026 calendar. March 2026
 * has no holidays: Monday 2 March 09:00 plus n working days is easy to follow.
 */
class TrafficLightTests {

    private static final Instant RECEIVED = at("2026-03-02 09:00");
    private static final Limits NORMAL = new Limits(1, 3, 5);
    private static final Limits COMPLEX = new Limits(1, 3, 15);

    private final TrafficLight light = new TrafficLight(Calendars.workingTime());

    private static LightFacts open(Limits limits, Instant unansweredSince, Pause... pauses) {
        return new LightFacts(RequestStatus.OPEN, RECEIVED, unansweredSince, List.of(pauses), limits, LightRule.standard());
    }

    @Test
    void aNewRequestIsGreenWithItsThreeDeadlines() {
        LightReading reading = light.read(open(NORMAL, RECEIVED), at("2026-03-02 10:00"));
        assertThat(reading.light()).isEqualTo(Light.GREEN);
        assertThat(reading.reasonKey()).isEqualTo("helpdesk.light.reason.on-time");
        assertThat(reading.firstResponseDue()).isEqualTo(at("2026-03-03 09:00"));
        assertThat(reading.nextUpdateDue()).isEqualTo(at("2026-03-05 09:00"));
        assertThat(reading.resolutionDue()).isEqualTo(at("2026-03-09 09:00"));
    }

    @Test
    void turnsYellowAfterSevenWorkingDaysWithoutAnAnswer() {
        // 7 working days after Mon 2 Mar 09:00 is Wed 11 Mar 09:00 (two weekends in between)
        assertThat(light.read(open(COMPLEX, RECEIVED), at("2026-03-11 08:59")).light()).isEqualTo(Light.GREEN);
        LightReading yellow = light.read(open(COMPLEX, RECEIVED), at("2026-03-11 09:00"));
        assertThat(yellow.light()).isEqualTo(Light.YELLOW);
        assertThat(yellow.reasonKey()).isEqualTo("helpdesk.light.reason.unanswered");
    }

    @Test
    void turnsYellowWhenMostOfTheResolutionTimeIsUsedThoughAnswered() {
        // answered, but 80% of 5 working days (4 days) after Mon 09:00 is Fri 6 Mar 09:00
        Instant answered = null;
        assertThat(light.read(open(NORMAL, answered), at("2026-03-06 08:59")).light()).isEqualTo(Light.GREEN);
        LightReading yellow = light.read(open(NORMAL, answered), at("2026-03-06 09:00"));
        assertThat(yellow.light()).isEqualTo(Light.YELLOW);
        assertThat(yellow.reasonKey()).isEqualTo("helpdesk.light.reason.resolution-share");
        assertThat(yellow.nextUpdateDue()).as("nothing waits for staff").isNull();
    }

    @Test
    void turnsRedWhenTheResolutionDeadlinePasses() {
        assertThat(light.read(open(NORMAL, null), at("2026-03-09 08:59")).light()).isEqualTo(Light.YELLOW);
        LightReading red = light.read(open(NORMAL, null), at("2026-03-09 09:00"));
        assertThat(red.light()).isEqualTo(Light.RED);
        assertThat(red.reasonKey()).isEqualTo("helpdesk.light.reason.resolution-overdue");
    }

    @Test
    void turnsRedWhenAYellowRequestIsStillUnansweredThreeWorkingDaysLater() {
        // yellow on Wed 11 Mar 09:00; 3 working days later is Mon 16 Mar 09:00 (resolution 15 days is not yet due)
        assertThat(light.read(open(COMPLEX, RECEIVED), at("2026-03-16 08:59")).light()).isEqualTo(Light.YELLOW);
        LightReading red = light.read(open(COMPLEX, RECEIVED), at("2026-03-16 09:00"));
        assertThat(red.light()).isEqualTo(Light.RED);
        assertThat(red.reasonKey()).isEqualTo("helpdesk.light.reason.unanswered-after-yellow");
        assertThat(red.resolutionDue()).isEqualTo(at("2026-03-23 09:00"));
    }

    @Test
    void aStaffReplyResetsTheUnansweredClock() {
        // yellow for want of an answer on Wed 11 Mar; staff answer on Thu 12 Mar 10:00, the member writes again at 11:00
        assertThat(light.read(open(COMPLEX, RECEIVED), at("2026-03-12 10:00")).light()).isEqualTo(Light.YELLOW);
        assertThat(light.read(open(COMPLEX, null), at("2026-03-12 10:30")).light()).isEqualTo(Light.GREEN);
        LightReading again = light.read(open(COMPLEX, at("2026-03-12 11:00")), at("2026-03-16 09:00"));
        assertThat(again.light()).as("no longer red on Monday: the member has waited only 2 working days")
                .isEqualTo(Light.GREEN);
        assertThat(again.nextUpdateDue()).isEqualTo(at("2026-03-17 11:00"));
    }

    @Test
    void aPauseHoldsTheLight() {
        // unanswered since receipt, paused (waiting for the member) from Fri 6 Mar 09:00: 4 working days used
        Pause waiting = new Pause(at("2026-03-06 09:00"), null);
        LightFacts facts = new LightFacts(RequestStatus.WAITING_MEMBER, RECEIVED, RECEIVED, List.of(waiting), COMPLEX,
                LightRule.standard());
        LightReading weeksLater = light.read(facts, at("2026-03-27 17:00"));
        assertThat(weeksLater.light()).as("weeks later, still green").isEqualTo(Light.GREEN);
        assertThat(weeksLater.reasonKey()).isEqualTo("helpdesk.light.reason.waiting-member");
        assertThat(weeksLater.resolutionDue()).as("11 working days left once the member answers now, Qingming (4–6 Apr) off")
                .isEqualTo(at("2026-04-14 17:00"));
        // the member answered on Fri 27 Mar 17:00 (still unanswered by staff): 3 more working days make 7
        LightFacts resumed = new LightFacts(RequestStatus.OPEN, RECEIVED, RECEIVED,
                List.of(new Pause(at("2026-03-06 09:00"), at("2026-03-27 17:00"))), COMPLEX, LightRule.standard());
        assertThat(light.read(resumed, at("2026-04-01 16:59")).light()).isEqualTo(Light.GREEN);
        assertThat(light.read(resumed, at("2026-04-01 17:00")).light()).isEqualTo(Light.YELLOW);
    }

    @Test
    void aClosedRequestHasNoLight() {
        LightFacts closed = new LightFacts(RequestStatus.CLOSED, RECEIVED, RECEIVED, List.of(), NORMAL, LightRule.standard());
        LightReading reading = light.read(closed, at("2026-04-30 09:00"));
        assertThat(reading.light()).isNull();
        assertThat(reading.reasonKey()).isEqualTo("helpdesk.light.reason.closed");
        assertThat(reading.resolutionDue()).isEqualTo(at("2026-03-09 09:00"));
    }

    @Test
    void theSpringFestivalDoesNotTurnARequestYellow() {
        // received Fri 13 Feb 10:00, unanswered over the nine days off: on Tue 24 Feb only 2.5 working days have passed
        LightFacts facts = new LightFacts(RequestStatus.OPEN, at("2026-02-13 10:00"), at("2026-02-13 10:00"), List.of(),
                COMPLEX, LightRule.standard());
        assertThat(light.read(facts, at("2026-02-24 22:00")).light()).isEqualTo(Light.GREEN);
    }
}

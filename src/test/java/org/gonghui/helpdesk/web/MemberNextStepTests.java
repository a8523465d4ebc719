package org.gonghui.helpdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.gonghui.helpdesk.Channel;
import org.gonghui.helpdesk.Difficulty;
import org.gonghui.helpdesk.HelpRequestView;
import org.gonghui.helpdesk.Outcome;
import org.gonghui.helpdesk.RequestStatus;
import org.gonghui.helpdesk.RequestType;
import org.gonghui.helpdesk.Satisfaction;
import org.junit.jupiter.api.Test;

class MemberNextStepTests {

    static final Instant RECEIVED = Instant.parse("2026-03-02T02:00:00Z");
    static final Instant FIRST_DUE = Instant.parse("2026-03-03T02:00:00Z");
    static final Instant NEXT_DUE = Instant.parse("2026-03-05T02:00:00Z");
    static final Instant NOW = RECEIVED.plusSeconds(7200);

    @Test
    void beforeTheFirstAnswerTheMemberIsToldByWhenTheyWillHear() {
        MemberNextStep step = MemberNextStep.of(NOW, request(RequestStatus.OPEN, null, null, null));
        assertThat(step.code()).isEqualTo("helpdesk.next.first-by");
        assertThat(step.due()).isEqualTo(FIRST_DUE);
        assertThat(step.memberActs()).isFalse();
    }

    @Test
    void afterAnAnswerTheNextUpdateIsPromised() {
        MemberNextStep step = MemberNextStep.of(NOW, request(RequestStatus.OPEN, RECEIVED.plusSeconds(3600), null, null));
        assertThat(step.code()).isEqualTo("helpdesk.next.handling-by");
        assertThat(step.due()).isEqualTo(NEXT_DUE);
    }

    @Test
    void aPromisedDayAlreadyPassedIsNotPromisedAgain() {
        MemberNextStep step = MemberNextStep.of(NEXT_DUE.plusSeconds(60), request(RequestStatus.OPEN,
                RECEIVED.plusSeconds(3600), null, null));
        assertThat(step.code()).isEqualTo("helpdesk.next.late");
        assertThat(step.due()).isNull();
    }

    @Test
    void theMemberActsWhenAskedForInformationAndWhenAClosedRequestWaitsForTheirRating() {
        assertThat(MemberNextStep.of(NOW, request(RequestStatus.WAITING_MEMBER, RECEIVED, null, null)).memberActs()).isTrue();
        MemberNextStep rate = MemberNextStep.of(NOW, request(RequestStatus.CLOSED, RECEIVED, Outcome.RESOLVED, null));
        assertThat(rate.code()).isEqualTo("helpdesk.next.rate");
        assertThat(rate.memberActs()).isTrue();
        MemberNextStep rated = MemberNextStep.of(NOW, request(RequestStatus.CLOSED, RECEIVED, Outcome.RESOLVED,
                Satisfaction.SATISFIED));
        assertThat(rated.memberActs()).isFalse();
        assertThat(MemberNextStep.of(NOW, request(RequestStatus.CLOSED, RECEIVED, Outcome.WITHDRAWN, null)).code())
                .isEqualTo("helpdesk.next.withdrawn");
    }

    private static HelpRequestView request(RequestStatus status, Instant firstResponseAt, Outcome outcome,
            Satisfaction satisfaction) {
        return new HelpRequestView(1, "12351-2026-0000001", RequestType.CONSULTATION, "CONSULT_POLICY", "政策咨询",
                Difficulty.NORMAL, Channel.PORTAL, 7L, "张三", "138****0000", "咨询", "内容", Map.of(), 3L, false, 3,
                "南门街道", status, outcome, null, null, RECEIVED, firstResponseAt, firstResponseAt, null, null, FIRST_DUE,
                NEXT_DUE, Instant.parse("2026-03-09T02:00:00Z"), null, null, false, null, null, satisfaction, null, false,
                null, 0);
    }
}

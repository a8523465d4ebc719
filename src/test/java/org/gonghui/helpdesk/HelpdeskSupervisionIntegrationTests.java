package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import org.gonghui.account.LoggingSmsSender;
import org.gonghui.member.MemberView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Supervision (督办) from the level above and its answer; closing (办结) with its outcome rules; the call-back (回访)
 * and the member's rating, 不满意 reopening once under supervision; duplicates linked to the open request; legal-aid
 * referrals to a roster lawyer with an appointment.
 */
@IntegrationTest
class HelpdeskSupervisionIntegrationTests {

    @Autowired
    HelpdeskScenario scenario;
    @Autowired
    HelpRequests requests;
    @Autowired
    Lawyers lawyers;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LoggingSmsSender sms;

    @Test
    void theLevelAboveSupervisesAndTheHandlerMustAnswer() throws Exception {
        MemberView member = scenario.member("NB-HS-T02-C1");
        HelpRequestView request = scenario.submit(member, HelpdeskScenario.consultation("督办测试"));
        CurrentUser station = scenario.staff("NB-HS-T02-C1");
        CurrentUser district = scenario.staff("NB-HS");

        assertThatThrownBy(() -> requests.supervise(station, request.id(), "自己督办自己"))
                .isInstanceOf(DomainException.class).hasMessageContaining("helpdesk.supervise.own");
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/supervision", request.id()).with(Fixtures.as(scenario.staff("NB-JB")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"越级督办\"}"))
                .andExpect(status().isNotFound());

        SupervisionView notice = requests.supervise(district, request.id(), "群众反映较急，请三日内答复");
        assertThat(notice.isOpen()).isTrue();
        assertThat(notice.fromOrgId()).isEqualTo(scenario.org("NB-HS").id());
        assertThat(notice.toOrgId()).isEqualTo(scenario.org("NB-HS-T02-C1").id());
        assertThat(requests.view(station, request.id()).request().supervised()).isTrue();
        assertThat(requests.openSupervisions(station, 0, 200).items()).extracting(SupervisionView::id).contains(notice.id());
        assertThat(requests.openSupervisions(district, 0, 200).items()).extracting(SupervisionView::id).contains(notice.id());
        assertThat(requests.openSupervisions(scenario.staff("NB-HS-T01"), 0, 200).items())
                .extracting(SupervisionView::id).doesNotContain(notice.id());

        assertThatThrownBy(() -> requests.answerSupervision(scenario.staff("NB-HS-T02"), request.id(), notice.id(), "由街道代答"))
                .isInstanceOf(DomainException.class).hasMessageContaining("helpdesk.supervision.handler-answers");
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/supervision/{n}/answer", request.id(), notice.id())
                        .with(Fixtures.as(station)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"已联系会员，明日上门。\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.answer").value("已联系会员，明日上门。"))
                .andExpect(jsonPath("$.answeredBy").value(station.getUsername()));
        assertThatThrownBy(() -> requests.answerSupervision(station, request.id(), notice.id(), "再答一次"))
                .isInstanceOf(DomainException.class).hasMessageContaining("helpdesk.supervision.answered");
        assertThat(requests.openSupervisions(district, 0, 200).items()).extracting(SupervisionView::id).doesNotContain(notice.id());

        HelpRequestDetails details = requests.view(district, request.id());
        assertThat(details.supervisions()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo("群众反映较急，请三日内答复");
            assertThat(s.answer()).isEqualTo("已联系会员，明日上门。");
        });
        assertThat(details.history()).extracting(HelpRequestEventView::kind).contains(EventKind.SUPERVISION_NOTICE,
                EventKind.SUPERVISION_ANSWER);
        HelpRequestDetails memberSees = requests.view(HelpdeskScenario.self(member), request.id());
        assertThat(memberSees.supervisions()).isEmpty();
        assertThat(memberSees.history()).extracting(HelpRequestEventView::kind).doesNotContain(EventKind.SUPERVISION_NOTICE);
    }

    @Test
    void closingNeedsAReasonWhenNotAcceptedAndTheAuthorityWhenReferred() throws Exception {
        HelpdeskScenario.Person person = scenario.person("NB-HS-T02-C1");
        HelpRequestView request = scenario.submit(person.member(), HelpdeskScenario.consultation("办结规则"));
        CurrentUser station = scenario.staff("NB-HS-T02-C1");
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/close", request.id()).with(Fixtures.as(station))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"NOT_ACCEPTED\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("helpdesk.close.reason-required"));
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/close", request.id()).with(Fixtures.as(station))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"REFERRED\",\"referredTo\":\"  \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("helpdesk.close.authority-required"));
        assertThat(requests.view(station, request.id()).request().status()).isEqualTo(RequestStatus.OPEN);

        mvc.perform(post("/api/v1/helpdesk/requests/{id}/close", request.id()).with(Fixtures.as(station))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"REFERRED\",\"referredTo\":\"海曙区劳动人事争议仲裁院\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.referredTo").value("海曙区劳动人事争议仲裁院"))
                .andExpect(jsonPath("$.light").doesNotExist());
        HelpRequestView closed = requests.view(station, request.id()).request();
        assertThat(closed.closedAt()).isNotNull();
        // five working days: at least five calendar days, more over a weekend or holiday
        assertThat(closed.callbackDue()).isAfterOrEqualTo(closed.closedAt().plus(Duration.ofDays(5)))
                .isBeforeOrEqualTo(closed.closedAt().plus(Duration.ofDays(30)));
        assertThat(jdbc.sql("select close_working_seconds from help_request where id = :id").param("id", request.id())
                .query(Long.class).single()).isBetween(0L, 86_400L);
        assertThat(sms.lastTo(person.phone())).hasValueSatisfying(text -> assertThat(text).contains("已办结"));
        assertThatThrownBy(() -> requests.reply(station, request.id(), null, "办结后答复"))
                .isInstanceOf(DomainException.class).hasMessageContaining("helpdesk.request.closed");
    }

    @Test
    void dissatisfiedOnTheCallBackReopensOnceUnderSupervisionOfTheLevelAbove() throws Exception {
        HelpdeskScenario.Person person = scenario.person("NB-HS-T02-C1");
        HelpRequestView request = scenario.submit(person.member(), HelpdeskScenario.consultation("回访不满意"));
        CurrentUser station = scenario.staff("NB-HS-T02-C1");
        requests.close(station, request.id(), null, Outcome.RESOLVED, null, null);

        assertThatThrownBy(() -> requests.callBack(station, request.id(), null, PlatformZone.now().plusHours(2),
                Satisfaction.SATISFIED, null)).isInstanceOf(DomainException.class).hasMessageContaining("helpdesk.callback.when");
        HelpRequestView reopened = requests.callBack(station, request.id(), null, null, Satisfaction.DISSATISFIED,
                "会员认为答复不具体");
        assertThat(reopened.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(reopened.reopened()).isTrue();
        assertThat(reopened.supervised()).isTrue();
        assertThat(reopened.outcome()).isNull();
        assertThat(sms.lastTo(person.phone())).hasValueSatisfying(text -> assertThat(text).contains("重新办理"));

        HelpRequestDetails details = requests.view(scenario.staff("NB-HS-T02"), request.id());
        assertThat(details.supervisions()).singleElement().satisfies(s -> {
            assertThat(s.fromOrgId()).isEqualTo(scenario.org("NB-HS-T02").id());
            assertThat(s.toOrgId()).isEqualTo(scenario.org("NB-HS-T02-C1").id());
            assertThat(s.automatic()).isTrue();
        });
        assertThat(details.history()).extracting(HelpRequestEventView::kind).contains(EventKind.CLOSED, EventKind.CALLBACK,
                EventKind.REOPENED, EventKind.SUPERVISION_NOTICE);
        HelpRequestEventView callback = details.history().stream().filter(e -> e.kind() == EventKind.CALLBACK).findFirst()
                .orElseThrow();
        assertThat(callback.actor()).isEqualTo(station.getUsername());
        assertThat(callback.reason()).isEqualTo("DISSATISFIED");

        // closed again, a second 不满意 (by the member on the API) is kept but does not reopen
        requests.close(station, request.id(), null, Outcome.PARTLY_RESOLVED, null, null);
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/rating", request.id())
                        .with(Fixtures.as(HelpdeskScenario.self(person.member()))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"satisfaction\":\"DISSATISFIED\",\"comment\":\"还是没解决\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.satisfaction").value("DISSATISFIED"));
        assertThat(requests.view(station, request.id()).supervisions()).hasSize(1);
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/rating", request.id())
                        .with(Fixtures.as(HelpdeskScenario.self(person.member()))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"satisfaction\":\"SATISFIED\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("helpdesk.rate.not-awaiting"));
    }

    @Test
    void theMemberRatesAClosedRequestOnce() throws Exception {
        MemberView member = scenario.member("NB-HS-T02-C1");
        HelpRequestView request = scenario.submit(member, HelpdeskScenario.consultation("会员评价"));
        CurrentUser self = HelpdeskScenario.self(member);
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/rating", request.id()).with(Fixtures.as(self))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"satisfaction\":\"SATISFIED\"}"))
                .andExpect(status().isConflict());
        requests.close(scenario.staff("NB-HS-T02-C1"), request.id(), null, Outcome.RESOLVED, null, null);
        HelpRequestView rated = requests.rate(self, request.id(), Satisfaction.BASICALLY_SATISFIED, "挺好");
        assertThat(rated.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(rated.ratedAt()).isNotNull();
        assertThat(rated.status()).isEqualTo(RequestStatus.CLOSED);
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/rating", request.id())
                        .with(Fixtures.as(HelpdeskScenario.self(scenario.member("NB-HS-T02-C1"))))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"satisfaction\":\"SATISFIED\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSecondRequestOnTheSameMatterIsLinkedToTheOpenOne() throws Exception {
        HelpdeskScenario.Person person = scenario.person("NB-HS-T02-E1");
        HelpRequestView first = scenario.submit(person.member(), HelpdeskScenario.wagesComplaint("拖欠三个月工资", false));
        HelpRequestView second = scenario.submit(person.member(), HelpdeskScenario.wagesComplaint("工资还是没发", false));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.duplicateOf()).isEqualTo(first.id());
        assertThat(second.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(sms.lastTo(person.phone())).hasValueSatisfying(text -> assertThat(text).contains(first.requestNo())
                .contains(second.requestNo()));
        HelpRequestDetails original = requests.view(HelpdeskScenario.self(person.member()), first.id());
        assertThat(original.history()).extracting(HelpRequestEventView::kind).containsExactly(EventKind.SUBMITTED,
                EventKind.INFORMATION_ADDED, EventKind.DUPLICATE_LINKED);
        assertThat(original.history().get(1).text()).contains("工资还是没发");
        assertThat(requests.search(scenario.staff("NB-HS-T02"), HelpRequestQuery.open(), 0, 200).items())
                .extracting(HelpRequestSummary::id).contains(first.id()).doesNotContain(second.id());

        // another sub-type is another matter; so is the same matter once the window has passed
        HelpRequestView other = scenario.submit(person.member(), new NewHelpRequest(RequestType.COMPLAINT,
                "COMPLAINT_SAFETY", "车间粉尘", "车间粉尘大，没有防护。", java.util.Map.of("employer", "某公司"), false, null));
        assertThat(other.duplicateOf()).isNull();
        jdbc.sql("update help_request set received_at = :at where id = :id")
                .param("at", java.sql.Timestamp.from(first.receivedAt().minus(Duration.ofDays(31)))).param("id", first.id())
                .update();
        HelpRequestView later = scenario.submit(person.member(), HelpdeskScenario.wagesComplaint("一个多月后再次投诉", false));
        assertThat(later.duplicateOf()).isNull();
        assertThat(later.status()).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void aLegalAidRequestIsReferredToARosterLawyerWithAnAppointmentTheMemberSees() throws Exception {
        HelpdeskScenario.Person person = scenario.person("NB-HS-T02-C1");
        HelpRequestView request = scenario.submit(person.member(), new NewHelpRequest(RequestType.LEGAL_AID,
                "LEGAL_INJURY", "工伤维权", "工作中受伤，单位不认。", java.util.Map.of("injuryDate", "2026-03-02",
                        "employer", "某建筑公司"), false, null));
        CurrentUser district = scenario.staff("NB-HS");
        String body = mvc.perform(post("/api/v1/helpdesk/lawyers").with(Fixtures.as(district)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"陈律师\",\"firm\":\"浙江甬城律师事务所\",\"specialities\":\"工伤、劳动争议\","
                                + "\"phone\":\"13900001111\",\"orgId\":" + scenario.org("NB-HS").id() + "}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.phoneMasked").value("139****1111"))
                .andReturn().getResponse().getContentAsString();
        long lawyerId = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();

        CurrentUser station = scenario.staff("NB-HS-T02-C1");
        assertThat(lawyers.available(station, true)).extracting(LawyerView::id).contains(lawyerId);
        assertThat(lawyers.available(scenario.staff("NB-JB"), true)).extracting(LawyerView::id).doesNotContain(lawyerId);
        LocalDateTime appointment = PlatformZone.today().plusDays(3).atTime(9, 30);
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/referrals", request.id()).with(Fixtures.as(station))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lawyerId\":" + lawyerId + ",\"appointmentAt\":\""
                                + appointment.minusDays(10) + "\",\"place\":\"区总工会法律服务站\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("helpdesk.referral.appointment-past"));
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/referrals", request.id()).with(Fixtures.as(station))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lawyerId\":" + lawyerId + ",\"appointmentAt\":\""
                                + appointment + "\",\"place\":\"区总工会法律服务站\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.lawyerName").value("陈律师"));
        assertThat(sms.lastTo(person.phone())).hasValueSatisfying(text -> assertThat(text).contains("陈律师")
                .contains("09:30").contains("区总工会法律服务站"));

        mvc.perform(get("/api/v1/helpdesk/requests/{id}", request.id()).with(Fixtures.as(HelpdeskScenario.self(person.member()))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.referrals[0].firm").value("浙江甬城律师事务所"))
                .andExpect(jsonPath("$.referrals[0].place").value("区总工会法律服务站"));

        HelpRequestView consultation = scenario.submit(person.member(), HelpdeskScenario.consultation("非法律援助"));
        assertThatThrownBy(() -> requests.refer(station, consultation.id(), lawyerId, appointment, "某地", null))
                .isInstanceOf(DomainException.class).hasMessageContaining("helpdesk.referral.legal-aid-only");
        lawyers.setActive(district, lawyerId, false);
        assertThatThrownBy(() -> requests.refer(station, request.id(), lawyerId, appointment, "某地", null))
                .isInstanceOf(DomainException.class).hasMessageContaining("helpdesk.referral.lawyer-inactive");
    }
}

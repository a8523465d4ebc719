package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The chain between the levels: routing to the member's service point, dispatch (派单) down the tree, transfer (转办)
 * beside it with a reason, send back (退回) to where it came from, replies the member sees and notes they do not;
 * every move in the history with who, when and why.
 */
@IntegrationTest
class HelpdeskChainIntegrationTests {

    @Autowired
    HelpdeskScenario scenario;
    @Autowired
    HelpRequests requests;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMembersRequestGoesToTheirServicePointAndTheyFollowIt() throws Exception {
        MemberView member = scenario.member("NB-HS-T01-C1");
        HelpRequestView request = scenario.submit(member, HelpdeskScenario.consultation("疗休养政策咨询"));

        assertThat(request.handlingOrgId()).isEqualTo(scenario.org("NB-HS-T01-C1").id());
        assertThat(request.requestNo()).matches("12351-\\d{4}-\\d{7}");
        assertThat(request.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(request.difficulty()).isEqualTo(Difficulty.NORMAL);
        assertThat(request.channel()).isEqualTo(Channel.PORTAL);
        assertThat(request.content()).contains("疗休养");
        assertThat(jdbc.sql("select content_enc from help_request where id = :id").param("id", request.id())
                .query(String.class).single()).startsWith("v1:").doesNotContain("疗休养");

        mvc.perform(get("/api/v1/helpdesk/me/requests").with(Fixtures.as(HelpdeskScenario.self(member))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].requestNo").value(request.requestNo()))
                .andExpect(jsonPath("$.items[0].handlingOrgName").value(scenario.org("NB-HS-T01-C1").name()));
        mvc.perform(get("/api/v1/helpdesk/requests/{id}", request.id()).with(Fixtures.as(HelpdeskScenario.self(member))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.request.subject").value("疗休养政策咨询"))
                .andExpect(jsonPath("$.history[0].kind").value("SUBMITTED"))
                .andExpect(jsonPath("$.history[0].actor").doesNotExist());
    }

    @Test
    void aMemberSubmitsThroughTheApi() throws Exception {
        MemberView member = scenario.member("NB-HS-T01-E1");
        mvc.perform(post("/api/v1/helpdesk/requests").with(Fixtures.as(HelpdeskScenario.self(member)))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type":"ASSISTANCE","subtype":"ASSIST_HARDSHIP","subject":"家庭困难申请帮扶",
                                 "content":"爱人重病，家庭收入低。","answers":{"householdSize":"3","monthlyIncome":"2100","cause":"ILLNESS"}}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.channel").value("API"))
                .andExpect(jsonPath("$.handlingOrgId").value(scenario.org("NB-HS-T01-E1").id()))
                .andExpect(jsonPath("$.formAnswers.cause").value("ILLNESS"));
    }

    @Test
    void dispatchTransferAndSendBackKeepWhoWhenAndWhy() throws Exception {
        OrganisationView township = scenario.newTownship();
        OrganisationView station = scenario.org(township.code() + "-C1");
        OrganisationView enterprise = scenario.org(township.code() + "-E1");
        MemberView member = scenario.member(township.code());
        HelpRequestView request = scenario.submit(member, HelpdeskScenario.consultation("工会会员权益咨询"));
        assertThat(request.handlingOrgId()).isEqualTo(township.id());

        CurrentUser townshipStaff = Fixtures.staffAt(township, org.gonghui.shared.security.Role.STAFF);
        HelpRequestView dispatched = requests.dispatch(townshipStaff, request.id(), request.version(), enterprise.id(), "请企业服务站办理");
        assertThat(dispatched.handlingOrgId()).isEqualTo(enterprise.id());

        CurrentUser enterpriseStaff = Fixtures.staffAt(enterprise, org.gonghui.shared.security.Role.STAFF);
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/transfer", request.id()).with(Fixtures.as(enterpriseStaff))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"toOrgId\":" + station.id() + ",\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        HelpRequestView transferred = requests.transfer(enterpriseStaff, request.id(), null, station.id(), "会员住在社区，由社区服务站办理");
        assertThat(transferred.handlingOrgId()).isEqualTo(station.id());

        // the enterprise no longer sees it; the station sends it back to the enterprise it came from
        assertThatThrownBy(() -> requests.view(enterpriseStaff, request.id())).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
        CurrentUser stationStaff = Fixtures.staffAt(station, org.gonghui.shared.security.Role.STAFF);
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/send-back", request.id()).with(Fixtures.as(stationStaff))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"不属于本站服务范围\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.handlingOrgId").value(enterprise.id()));

        List<HelpRequestEventView> history = requests.view(townshipStaff, request.id()).history();
        assertThat(history).extracting(HelpRequestEventView::kind).containsExactly(EventKind.SUBMITTED,
                EventKind.DISPATCHED, EventKind.TRANSFERRED, EventKind.SENT_BACK);
        HelpRequestEventView sentBack = history.get(3);
        assertThat(sentBack.actor()).isEqualTo(stationStaff.getUsername());
        assertThat(sentBack.fromOrgId()).isEqualTo(station.id());
        assertThat(sentBack.toOrgId()).isEqualTo(enterprise.id());
        assertThat(sentBack.reason()).isEqualTo("不属于本站服务范围");
        assertThat(history.get(2).reason()).isEqualTo("会员住在社区，由社区服务站办理");
        assertThat(history.get(1).toOrgName()).isEqualTo(enterprise.name());
        assertThat(sentBack.at()).isNotNull();
    }

    @Test
    void staffDispatchOnlyIntoTheirOwnSubtree() throws Exception {
        MemberView member = scenario.member("NB-HS-T01-C1");
        HelpRequestView request = scenario.submit(member, HelpdeskScenario.consultation("异地派单"));
        CurrentUser nanmen = scenario.staff("NB-HS-T01");
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/dispatch", request.id()).with(Fixtures.as(nanmen))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toOrgId\":" + scenario.org("NB-HS-T02-C1").id() + "}"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/dispatch", request.id()).with(Fixtures.as(nanmen))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toOrgId\":" + scenario.org("NB-HS-T01-C1").id() + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("helpdesk.move.same-organisation"));
        assertThat(requests.view(nanmen, request.id()).history()).hasSize(1);
    }

    @Test
    void theMemberSeesRepliesButNotNotes() throws Exception {
        MemberView member = scenario.member("NB-HS-T01-C1");
        HelpRequestView request = scenario.submit(member, HelpdeskScenario.consultation("答复与备注"));
        CurrentUser station = scenario.staff("NB-HS-T01-C1");
        requests.note(station, request.id(), null, "先联系区总了解政策口径");
        HelpRequestView replied = requests.reply(station, request.id(), null, "您好，疗休养每年安排一次，详见附件。");
        assertThat(replied.firstResponseAt()).isNotNull();
        assertThat(replied.unansweredSince()).isNull();

        HelpRequestDetails seen = requests.view(HelpdeskScenario.self(member), request.id());
        assertThat(seen.history()).extracting(HelpRequestEventView::kind).containsExactly(EventKind.SUBMITTED, EventKind.REPLY);
        assertThat(seen.history().get(1).text()).contains("每年安排一次");
        assertThat(requests.view(station, request.id()).history()).extracting(HelpRequestEventView::kind)
                .containsExactly(EventKind.SUBMITTED, EventKind.NOTE, EventKind.REPLY);
        assertThat(jdbc.sql("select text_enc from help_request_event where request_id = :r and kind = 'NOTE'")
                .param("r", request.id()).query(String.class).single()).startsWith("v1:");
    }

    @Test
    void theOpenListPutsRedThenYellowThenTheEarliestDeadlineFirst() {
        OrganisationView township = scenario.newTownship();
        OrganisationView station = scenario.org(township.code() + "-C1");
        HelpRequestView green = scenario.submit(scenario.member(station.code()), HelpdeskScenario.consultation("绿灯"));
        HelpRequestView early = scenario.submit(scenario.member(station.code()), HelpdeskScenario.consultation("绿灯期限早"));
        HelpRequestView yellow = scenario.submit(scenario.member(station.code()), HelpdeskScenario.consultation("黄灯"));
        HelpRequestView red = scenario.submit(scenario.member(station.code()), HelpdeskScenario.consultation("红灯"));
        HelpRequestView closed = scenario.submit(scenario.member(station.code()), HelpdeskScenario.consultation("已办结"));
        java.time.Instant now = java.time.Instant.now();
        setLight(green, "GREEN", now.plusSeconds(86_400 * 5));
        setLight(early, "GREEN", now.plusSeconds(86_400));
        setLight(yellow, "YELLOW", now.plusSeconds(86_400 * 9));
        setLight(red, "RED", now.plusSeconds(86_400 * 9));
        jdbc.sql("update help_request set status = 'CLOSED' where id = :id").param("id", closed.id()).update();

        CurrentUser district = scenario.staff("NB-JB");
        List<HelpRequestSummary> open = requests.search(district, new HelpRequestQuery(null, null, null, null,
                township.id(), null), 0, 20).items();
        assertThat(open).extracting(HelpRequestSummary::id).containsExactly(red.id(), yellow.id(), early.id(), green.id());
        assertThat(requests.search(district, new HelpRequestQuery(null, null, Light.RED, null, township.id(), null), 0, 20)
                .items()).extracting(HelpRequestSummary::id).containsExactly(red.id());
        assertThat(requests.search(district, new HelpRequestQuery(RequestStatus.CLOSED, null, null, null, township.id(), null),
                0, 20).items()).extracting(HelpRequestSummary::id).containsExactly(closed.id());
        assertThat(requests.search(scenario.staff("NB-HS"), HelpRequestQuery.open(), 0, 200).items())
                .extracting(HelpRequestSummary::id).doesNotContain(red.id(), green.id());
    }

    private void setLight(HelpRequestView request, String light, java.time.Instant due) {
        jdbc.sql("update help_request set light = :l, resolution_due = :d where id = :id").param("l", light)
                .param("d", java.sql.Timestamp.from(due)).param("id", request.id()).update();
    }
}

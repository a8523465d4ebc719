package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.member.MemberView;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.gonghui.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staff console of the help desk: the list by urgency with its light and deadlines, a request's page and its
 * actions, registration at a window. Out of scope is 404 for pages and actions; the employer's service point never
 * lists nor opens a complaint against its employer; bad input is a localized message and nothing is stored.
 */
@IntegrationTest
class HelpdeskConsoleIntegrationTests {

    @Autowired
    HelpdeskScenario scenario;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTownshipListsOpensAndDispatchesItsRequest() throws Exception {
        MemberView worker = scenario.member("NB-HS-T01");
        HelpRequestView request = scenario.submit(worker, HelpdeskScenario.consultation("咨询疗休养政策"));
        CurrentUser township = scenario.staff("NB-HS-T01");

        mvc.perform(get("/console/helpdesk").param("q", request.requestNo()).with(Fixtures.as(township)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(row(request))))
                .andExpect(content().string(containsString("首次响应")))
                .andExpect(content().string(containsString("办结期限")));
        mvc.perform(get("/console/helpdesk/requests/{id}", request.id()).with(Fixtures.as(township)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("咨询疗休养政策")))
                .andExpect(content().string(containsString("派单")));

        long station = scenario.org("NB-HS-T01-C1").id();
        mvc.perform(post("/console/helpdesk/requests/{id}/dispatch", request.id()).param("toOrgId", String.valueOf(station))
                        .param("version", String.valueOf(request.version())).param("note", "请社区跟进")
                        .with(Fixtures.as(township)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/helpdesk/requests/" + request.id()))
                .andExpect(flash().attributeExists("notice"));
        assertThat(scenario.requests.view(township, request.id()).request().handlingOrgId()).isEqualTo(station);

        CurrentUser stationStaff = scenario.staff("NB-HS-T01-C1");
        mvc.perform(post("/console/helpdesk/requests/{id}/reply", request.id()).param("text", "您好，\n政策如下。")
                        .with(Fixtures.as(stationStaff)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/console/helpdesk/requests/{id}/note", request.id()).param("text", "已电话联系")
                        .with(Fixtures.as(stationStaff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/helpdesk/requests/{id}", request.id()).with(Fixtures.as(stationStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("政策如下")))
                .andExpect(content().string(containsString("已电话联系")))
                .andExpect(content().string(containsString("已响应")));
    }

    @Test
    void anotherTownshipsRequestIsNotFoundForPagesAndActions() throws Exception {
        MemberView worker = scenario.member("NB-HS-T01");
        HelpRequestView request = scenario.submit(worker, HelpdeskScenario.consultation("另一个街道看不到"));
        CurrentUser otherTownship = scenario.staff("NB-HS-T02");

        mvc.perform(get("/console/helpdesk/requests/{id}", request.id()).with(Fixtures.as(otherTownship)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/helpdesk/requests/{id}/reply", request.id()).param("text", "越权答复")
                        .with(Fixtures.as(otherTownship)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/helpdesk/requests/{id}/reveal", request.id())
                        .with(Fixtures.as(otherTownship)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/helpdesk").param("q", request.requestNo()).with(Fixtures.as(otherTownship)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(row(request)))));
        assertThat(jdbc.sql("select count(*) from help_request_event where request_id = :id and kind = 'REPLY'")
                .param("id", request.id()).query(Long.class).single()).isZero();
    }

    @Test
    void theEmployersServicePointNeverListsNorOpensAComplaintAgainstItsEmployer() throws Exception {
        MemberView worker = scenario.member("NB-HS-T01-E1");
        HelpRequestView complaint = scenario.submit(worker, HelpdeskScenario.wagesComplaint("投诉本单位欠薪", true));
        CurrentUser employerStation = scenario.staff("NB-HS-T01-E1");

        mvc.perform(get("/console/helpdesk").param("q", complaint.requestNo()).with(Fixtures.as(employerStation)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(row(complaint)))));
        mvc.perform(get("/console/helpdesk").with(Fixtures.as(employerStation)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("投诉本单位欠薪"))));
        mvc.perform(get("/console/helpdesk/requests/{id}", complaint.id()).with(Fixtures.as(employerStation)))
                .andExpect(status().isNotFound());

        // the township sees it, and its dispatch picker never offers the employer's service point
        CurrentUser township = scenario.staff("NB-HS-T01");
        String page = mvc.perform(get("/console/helpdesk/requests/{id}", complaint.id()).with(Fixtures.as(township)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("投诉本人所在单位")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-code=\"NB-HS-T01-C1\"").doesNotContain("data-code=\"NB-HS-T01-E1\"");
        // the contact is masked until revealed, and the reveal is audit-logged
        assertThat(page).doesNotContain(worker.name());
        long audits = auditCount("helpdesk.request.reveal-contact", complaint.id());
        String phone = scenario.members.reveal(new TreePath(scenario.org("NB").path()), worker.id(), PersonalField.PHONE);
        mvc.perform(post("/console/helpdesk/requests/{id}/reveal", complaint.id()).with(Fixtures.as(township)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(worker.name())))
                .andExpect(content().string(containsString(phone)));
        assertThat(auditCount("helpdesk.request.reveal-contact", complaint.id())).isEqualTo(audits + 1);
    }

    @Test
    void badActionInputIsALocalizedMessageAndNothingChanges() throws Exception {
        MemberView worker = scenario.member("NB-HS-T01");
        HelpRequestView request = scenario.submit(worker, HelpdeskScenario.consultation("理由必填"));
        CurrentUser township = scenario.staff("NB-HS-T01");
        long events = events(request.id());

        mvc.perform(post("/console/helpdesk/requests/{id}/transfer", request.id())
                        .param("toOrgId", String.valueOf(scenario.org("NB-HS-T02").id())).param("reason", " ")
                        .with(Fixtures.as(township)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "请填写理由"));
        mvc.perform(post("/console/helpdesk/requests/{id}/dispatch", request.id())
                        .with(Fixtures.as(township)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "请选择组织"));
        mvc.perform(post("/console/helpdesk/requests/{id}/note", request.id()).param("text", "x".repeat(4001))
                        .with(Fixtures.as(township)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/console/helpdesk/requests/{id}/difficulty", request.id()).param("difficulty", "IMPOSSIBLE")
                        .with(Fixtures.as(township)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/console/helpdesk/requests/{id}/reply", request.id()).param("version", "999")
                        .param("text", "过期的页面").with(Fixtures.as(township)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
        assertThat(events(request.id())).isEqualTo(events);
    }

    @Test
    void theLevelAboveSupervisesTheHandlerAnswersClosesAndRecordsTheCallBack() throws Exception {
        MemberView worker = scenario.member("NB-HS-T01-C1");
        HelpRequestView request = scenario.submit(worker, HelpdeskScenario.consultation("督办与回访"));
        CurrentUser station = scenario.staff("NB-HS-T01-C1");
        CurrentUser township = scenario.staff("NB-HS-T01");

        mvc.perform(get("/console/helpdesk/requests/{id}", request.id()).with(Fixtures.as(station)))
                .andExpect(content().string(not(containsString("id=\"supervise-form\""))));
        mvc.perform(post("/console/helpdesk/requests/{id}/supervise", request.id()).param("reason", "请尽快答复")
                        .with(Fixtures.as(township)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        long notice = scenario.requests.view(station, request.id()).supervisions().get(0).id();
        mvc.perform(post("/console/helpdesk/requests/{id}/supervisions/{n}/answer", request.id(), notice)
                        .param("text", "已联系会员").with(Fixtures.as(station)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(scenario.requests.view(station, request.id()).supervisions().get(0).isOpen()).isFalse();

        mvc.perform(post("/console/helpdesk/requests/{id}/close", request.id()).param("outcome", "NOT_ACCEPTED")
                        .with(Fixtures.as(station)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "不予受理须填写理由"));
        mvc.perform(post("/console/helpdesk/requests/{id}/close", request.id()).param("outcome", "RESOLVED")
                        .with(Fixtures.as(station)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        mvc.perform(get("/console/helpdesk/requests/{id}", request.id()).with(Fixtures.as(station)))
                .andExpect(content().string(containsString("id=\"callback-form\"")));
        mvc.perform(post("/console/helpdesk/requests/{id}/callback", request.id()).with(Fixtures.as(station)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "请选择满意度"));
        mvc.perform(post("/console/helpdesk/requests/{id}/callback", request.id()).param("satisfaction", "BASICALLY_SATISFIED")
                        .param("note", "电话回访").with(Fixtures.as(station)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        HelpRequestView called = scenario.requests.view(station, request.id()).request();
        assertThat(called.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
        assertThat(called.status()).isEqualTo(RequestStatus.CLOSED);
    }

    @Test
    void staffRegisterAWalkInWhoIsNotAMemberYet() throws Exception {
        CurrentUser window = scenario.staff("NB-HS-T01-C1");
        String phone = Fixtures.newPhone();
        long before = count();
        mvc.perform(post("/console/helpdesk/register").param("channel", "WINDOW").param("phone", phone)
                        .param("type", "COMPLAINT").param("subtype", "COMPLAINT_WAGES")
                        .param("subject", "来访：欠薪").param("content", "没有签合同")
                        .param("answer.COMPLAINT_WAGES.employer", "某工地")
                        .with(Fixtures.as(window)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("非会员请同时填写姓名和手机号")));
        assertThat(count()).isEqualTo(before);

        mvc.perform(post("/console/helpdesk/register").param("channel", "WINDOW").param("phone", phone)
                        .param("name", "王五").param("type", "COMPLAINT").param("subtype", "COMPLAINT_WAGES")
                        .param("subject", "来访：欠薪").param("content", "没有签合同\n工地拖欠三个月")
                        .param("answer.COMPLAINT_WAGES.employer", "某工地")
                        .param("answer.COMPLAINT_WAGES.amountOwed", "9000")
                        .param("answer.CONSULT_POLICY.ignored", "other sub-types' fields are not sent on")
                        .with(Fixtures.as(window)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before + 1);
        long id = jdbc.sql("select max(id) from help_request").query(Long.class).single();
        HelpRequestView registered = scenario.requests.view(window, id).request();
        assertThat(registered.channel()).isEqualTo(Channel.WINDOW);
        assertThat(registered.formAnswers()).containsEntry("employer", "某工地").containsEntry("amountOwed", "9000");
    }

    @Test
    void theRegistrationFormRefusesControlCharactersWithALocalizedError() throws Exception {
        long before = count();
        mvc.perform(post("/console/helpdesk/register").param("channel", "HOTLINE").param("name", "张\u0007三")
                        .param("phone", Fixtures.newPhone()).param("type", "CONSULTATION").param("subtype", "CONSULT_POLICY")
                        .param("subject", "咨询").param("content", "内容")
                        .accept(MediaType.TEXT_HTML).with(Fixtures.as(scenario.staff("NB-HS-T01"))).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);
    }

    private static String row(HelpRequestView request) {
        return "data-id=\"" + request.id() + "\"";
    }

    private long count() {
        return jdbc.sql("select count(*) from help_request").query(Long.class).single();
    }

    private long events(long id) {
        return jdbc.sql("select count(*) from help_request_event where request_id = :id").param("id", id)
                .query(Long.class).single();
    }

    private long auditCount(String action, long id) {
        return jdbc.sql("select count(*) from audit_log where action = :a and record_type = 'help_request' and record_id = :id")
                .param("a", action).param("id", String.valueOf(id)).query(Long.class).single();
    }
}

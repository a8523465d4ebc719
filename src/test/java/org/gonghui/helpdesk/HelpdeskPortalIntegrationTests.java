package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.member.MemberView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The member's 12351 pages: submit from the phone form (the sub-type's fields, "against my employer"), follow the
 * request with its light, next step and latest reply, and never another member's request. Bad input is answered
 * with a localized message and nothing is stored.
 */
@IntegrationTest
class HelpdeskPortalIntegrationTests {

    @Autowired
    HelpdeskScenario scenario;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMemberSubmitsAComplaintAgainstTheEmployerAndFollowsIt() throws Exception {
        MemberView worker = scenario.member("NB-HS-T01-E1");
        CurrentUser self = HelpdeskScenario.self(worker);
        mvc.perform(get("/help/new").with(Fixtures.as(self)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"answer.COMPLAINT_WAGES.employer\"")))
                .andExpect(content().string(containsString("您单位的工会服务站看不到")));

        String location = mvc.perform(post("/help").param("type", "COMPLAINT").param("subtype", "COMPLAINT_WAGES")
                        .param("subject", "公司拖欠工资").param("content", "三个月没有发工资。\n请帮帮我。")
                        .param("answer.COMPLAINT_WAGES.employer", "宁波某某有限公司")
                        .param("answer.COMPLAINT_WAGES.amountOwed", "15000")
                        .param("answer.ASSIST_HARDSHIP.householdSize", "3")
                        .param("againstEmployer", "true").with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/help/*?submitted"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/help/".length(), location.indexOf('?')));
        HelpRequestView request = scenario.requests.view(self, id).request();
        assertThat(request.channel()).isEqualTo(Channel.PORTAL);
        assertThat(request.againstEmployer()).isTrue();
        assertThat(request.handlingOrgId()).isEqualTo(scenario.org("NB-HS-T01").id());
        assertThat(request.formAnswers()).containsEntry("employer", "宁波某某有限公司").doesNotContainKey("householdSize");

        scenario.requests.reply(scenario.staff("NB-HS-T01"), id, null, "已收到，我们将联系劳动监察部门。");
        scenario.requests.note(scenario.staff("NB-HS-T01"), id, null, "内部：企业有前科");
        mvc.perform(get("/help").with(Fixtures.as(self)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("公司拖欠工资")))
                .andExpect(content().string(containsString("已收到，我们将联系劳动监察部门")))
                .andExpect(content().string(containsString("正在办理")));
        mvc.perform(get("/help/{id}", id).with(Fixtures.as(self)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工会答复")))
                .andExpect(content().string(not(containsString("企业有前科"))));
        mvc.perform(get("/help/{id}", id).with(Fixtures.as(self)).param("lang", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Reply from the union")));
    }

    @Test
    void photosAreStoredWithTheRequestOrNothingIs() throws Exception {
        CurrentUser self = HelpdeskScenario.self(scenario.member("NB-HS-T01"));
        long before = count();
        mvc.perform(multipart("/help").file(png("photo.png")).file(new MockMultipartFile("files", "virus.exe",
                                "application/octet-stream", new byte[] {'M', 'Z', 0, 0, 0, 0, 0, 0}))
                        .param("type", "CONSULTATION").param("subtype", "CONSULT_POLICY").param("subject", "带照片")
                        .param("content", "见照片").with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("只能上传 PDF、JPG 或 PNG")));
        assertThat(count()).isEqualTo(before);

        String location = mvc.perform(multipart("/help").file(png("photo.png")).file(png("second.png"))
                        .param("type", "CONSULTATION").param("subtype", "CONSULT_POLICY").param("subject", "带照片")
                        .param("content", "见照片").with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/help/".length(), location.indexOf('?')));
        assertThat(scenario.requests.view(self, id).documents()).hasSize(2);
        long document = scenario.requests.view(self, id).documents().get(0).id();
        mvc.perform(get("/help/{id}/documents/{doc}", id, document).with(Fixtures.as(self)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
        mvc.perform(get("/help/{id}/documents/{doc}", id, document)
                        .with(Fixtures.as(HelpdeskScenario.self(scenario.member("NB-HS-T01")))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theMemberAnswersAQuestionWithTextAndPhotosAndTheClockRunsAgain() throws Exception {
        MemberView worker = scenario.member("NB-HS-T01");
        CurrentUser self = HelpdeskScenario.self(worker);
        HelpRequestView request = scenario.submit(worker, HelpdeskScenario.consultation("需要补充材料"));
        mvc.perform(post("/console/helpdesk/requests/{id}/ask", request.id()).param("text", "请上传劳动合同照片")
                        .with(Fixtures.as(scenario.staff("NB-HS-T01"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(scenario.requests.view(self, request.id()).request().status()).isEqualTo(RequestStatus.WAITING_MEMBER);
        mvc.perform(get("/help").with(Fixtures.as(self)))
                .andExpect(content().string(containsString("您需要做的")));
        mvc.perform(get("/help/{id}", request.id()).with(Fixtures.as(self)))
                .andExpect(content().string(containsString("请上传劳动合同照片")))
                .andExpect(content().string(containsString("回复工会的问题")));

        mvc.perform(multipart("/help/{id}/information", request.id()).file(png("contract.png"))
                        .param("text", "合同照片见附件").with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        HelpRequestDetails details = scenario.requests.view(self, request.id());
        assertThat(details.request().status()).isEqualTo(RequestStatus.OPEN);
        assertThat(details.documents()).hasSize(1);

        mvc.perform(post("/help/{id}/information", request.id()).param("text", " ").with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "请填写内容"));
    }

    @Test
    void theMemberRatesAClosedRequestOnceAndDissatisfiedReopensIt() throws Exception {
        MemberView worker = scenario.member("NB-HS-T01-C1");
        CurrentUser self = HelpdeskScenario.self(worker);
        HelpRequestView request = scenario.submit(worker, HelpdeskScenario.consultation("评价"));
        mvc.perform(post("/help/{id}/rating", request.id()).param("satisfaction", "SATISFIED")
                        .with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
        scenario.requests.close(scenario.staff("NB-HS-T01-C1"), request.id(), null, Outcome.RESOLVED, null, null);
        mvc.perform(get("/help/{id}", request.id()).with(Fixtures.as(self)))
                .andExpect(content().string(containsString("id=\"rating-form\"")))
                .andExpect(content().string(containsString("请评价")));
        mvc.perform(post("/help/{id}/rating", request.id()).param("satisfaction", "DISSATISFIED")
                        .param("comment", "单位仍未落实").with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        HelpRequestView reopened = scenario.requests.view(self, request.id()).request();
        assertThat(reopened.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(reopened.reopened()).isTrue();
        mvc.perform(post("/help/{id}/rating", request.id()).param("satisfaction", "HAPPY")
                        .accept(MediaType.TEXT_HTML).with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/help/{id}/rating", request.id()).param("satisfaction", "SATISFIED")
                        .with(Fixtures.as(HelpdeskScenario.self(scenario.member("NB-HS-T01")))).with(csrf()))
                .andExpect(status().isNotFound());
    }

    static MockMultipartFile png(String name) {
        byte[] bytes = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, bytes, 0, 8);
        return new MockMultipartFile("files", name, "image/png", bytes);
    }

    @Test
    void aMemberCannotReadAnotherMembersRequest() throws Exception {
        HelpRequestView theirs = scenario.submit(scenario.member("NB-HS-T01"), HelpdeskScenario.consultation("别人的诉求"));
        CurrentUser someoneElse = HelpdeskScenario.self(scenario.member("NB-HS-T01"));
        mvc.perform(get("/help/{id}", theirs.id()).with(Fixtures.as(someoneElse))).andExpect(status().isNotFound());
        mvc.perform(get("/help").with(Fixtures.as(someoneElse)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("别人的诉求"))));
    }

    @Test
    void badFormInputIsALocalizedMessageAndNothingIsStored() throws Exception {
        CurrentUser self = HelpdeskScenario.self(scenario.member("NB-HS-T01"));
        long before = count();
        // a required field of the sub-type left out: the form again, with the field named
        mvc.perform(post("/help").param("type", "COMPLAINT").param("subtype", "COMPLAINT_WAGES")
                        .param("subject", "欠薪").param("content", "内容").with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"error\"")))
                .andExpect(content().string(containsString("请填写")))
                .andExpect(content().string(containsString("value=\"欠薪\"")));
        // a sub-type of another type
        mvc.perform(post("/help").param("type", "CONSULTATION").param("subtype", "COMPLAINT_WAGES")
                        .param("subject", "欠薪").param("content", "内容").param("lang", "en")
                        .with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"error\"")));
        // "against my employer" on a consultation
        mvc.perform(post("/help").param("type", "CONSULTATION").param("subtype", "CONSULT_POLICY")
                        .param("subject", "咨询").param("content", "内容").param("againstEmployer", "true")
                        .with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("只有信访投诉")));
        // a control character in the subject, an unknown type
        mvc.perform(post("/help").param("type", "CONSULTATION").param("subtype", "CONSULT_POLICY")
                        .param("subject", "咨\u0000询").param("content", "内容").accept(MediaType.TEXT_HTML)
                        .with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/help").param("type", "WISH").param("subtype", "CONSULT_POLICY")
                        .param("subject", "咨询").param("content", "内容").accept(MediaType.TEXT_HTML)
                        .with(Fixtures.as(self)).with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void staffAreSentToTheirOwnPagesFromTheMembersPages() throws Exception {
        mvc.perform(get("/help").with(Fixtures.as(scenario.staff("NB-HS-T01"))).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection());
    }

    private long count() {
        return jdbc.sql("select count(*) from help_request").query(Long.class).single();
    }
}

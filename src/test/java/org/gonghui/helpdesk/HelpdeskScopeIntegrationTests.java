package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.NewMember;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who sees a request: a complaint against the member's own employer never reaches nor shows at the employer's
 * service point; a township cannot read another township's request; a member cannot read another member's. Staff
 * register walk-ins and calls; bad input is refused with a clear reason and nothing is stored.
 */
@IntegrationTest
class HelpdeskScopeIntegrationTests {

    @Autowired
    HelpdeskScenario scenario;
    @Autowired
    HelpRequests requests;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aComplaintAgainstTheEmployerIsHandledAtTheTownshipAndNeverSeenAtTheEmployersServicePoint() throws Exception {
        MemberView worker = scenario.member("NB-HS-T01-E1");
        HelpRequestView complaint = scenario.submit(worker, HelpdeskScenario.wagesComplaint("投诉本单位拖欠工资", true));
        assertThat(complaint.handlingOrgId()).isEqualTo(scenario.org("NB-HS-T01").id());
        assertThat(complaint.againstEmployer()).isTrue();

        CurrentUser employerStation = scenario.staff("NB-HS-T01-E1");
        mvc.perform(get("/api/v1/helpdesk/requests/{id}", complaint.id()).with(Fixtures.as(employerStation)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("helpdesk.request.not-found"));
        assertThat(requests.search(employerStation, HelpRequestQuery.open(), 0, 200).items())
                .extracting(HelpRequestSummary::id).doesNotContain(complaint.id());

        CurrentUser township = scenario.staff("NB-HS-T01");
        assertThat(requests.view(township, complaint.id()).request().content()).contains("三个月");
        assertThat(requests.search(township, HelpRequestQuery.open(), 0, 200).items())
                .extracting(HelpRequestSummary::id).contains(complaint.id());

        // the township may not hand it to the employer's station, but may to another one
        assertThatThrownBy(() -> requests.dispatch(township, complaint.id(), null, scenario.org("NB-HS-T01-E1").id(), null))
                .isInstanceOf(DomainException.class).hasMessageContaining("helpdesk.move.excluded");
        requests.dispatch(township, complaint.id(), null, scenario.org("NB-HS-T01-C1").id(), "由社区服务站协调");
        assertThat(requests.view(scenario.staff("NB-HS-T01-C1"), complaint.id()).request().handlingOrgId())
                .isEqualTo(scenario.org("NB-HS-T01-C1").id());
        mvc.perform(get("/api/v1/helpdesk/requests/{id}", complaint.id()).with(Fixtures.as(employerStation)))
                .andExpect(status().isNotFound());
        assertThat(requests.search(employerStation, HelpRequestQuery.open(), 0, 200).items())
                .extracting(HelpRequestSummary::id).doesNotContain(complaint.id());
    }

    @Test
    void aComplaintNotAgainstTheEmployerStaysAtTheServicePoint() {
        MemberView worker = scenario.member("NB-HS-T01-E1");
        HelpRequestView complaint = scenario.submit(worker, HelpdeskScenario.wagesComplaint("外包单位欠薪", false));
        assertThat(complaint.handlingOrgId()).isEqualTo(scenario.org("NB-HS-T01-E1").id());
    }

    @Test
    void aTownshipCannotReadAnotherTownshipsRequestNorAMemberAnotherMembers() throws Exception {
        MemberView member = scenario.member("NB-HS-T01-C1");
        HelpRequestView request = scenario.submit(member, HelpdeskScenario.consultation("跨街道查看"));

        mvc.perform(get("/api/v1/helpdesk/requests/{id}", request.id()).with(Fixtures.as(scenario.staff("NB-HS-T02"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/replies", request.id()).with(Fixtures.as(scenario.staff("NB-HS-T02")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"越权答复\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/helpdesk/requests/{id}", request.id()).with(Fixtures.as(scenario.staff("NB-JB"))))
                .andExpect(status().isNotFound());
        MemberView other = scenario.member("NB-HS-T01-C1");
        mvc.perform(get("/api/v1/helpdesk/requests/{id}", request.id()).with(Fixtures.as(HelpdeskScenario.self(other))))
                .andExpect(status().isNotFound());
        assertThat(requests.mine(HelpdeskScenario.self(other), 0, 20).items()).isEmpty();

        mvc.perform(get("/api/v1/helpdesk/requests/{id}", request.id()).with(Fixtures.as(scenario.staff("NB-HS"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/helpdesk/requests/{id}", request.id()).with(Fixtures.as(scenario.staff("NB-HS-T01"))))
                .andExpect(status().isOk());
        // a member may not use the staff list, staff may not use the member's
        mvc.perform(get("/api/v1/helpdesk/requests").with(Fixtures.as(HelpdeskScenario.self(member))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/helpdesk/me/requests").with(Fixtures.as(scenario.staff("NB-HS"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffRegisterAWalkInByIdNumberACallerByPhoneAndANonMemberByNameAndPhone() throws Exception {
        String idNumber = Fixtures.newIdNumber();
        String phone = Fixtures.newPhone();
        MemberView member = scenario.members.register(scenario.org("NB").treePath(), new NewMember("窗口来访", idNumber,
                phone, scenario.org("NB-HS-T01-C1").id(), MemberType.MIGRANT, PlatformZone.today().minusYears(1), null));
        CurrentUser window = scenario.staff("NB-HS-T01");

        HelpRequestView walkIn = requests.register(window, new Registration(Channel.WINDOW, idNumber, null, null,
                RequestType.LEGAL_AID, "LEGAL_CONSULT", "工伤赔偿法律咨询", "在工地受伤，想咨询赔偿。", Map.of(), false));
        assertThat(walkIn.memberId()).isEqualTo(member.id());
        assertThat(walkIn.channel()).isEqualTo(Channel.WINDOW);
        assertThat(walkIn.handlingOrgId()).isEqualTo(scenario.org("NB-HS-T01-C1").id());
        assertThat(walkIn.contactName()).isEqualTo(org.gonghui.shared.crypto.Masking.name(member.name()));

        HelpRequestView call = requests.register(window, new Registration(Channel.HOTLINE, null, phone, null,
                RequestType.SUGGESTION, "SUGGEST_SERVICE", "建议延长服务时间", "希望周末也开放。", null, null));
        assertThat(call.memberId()).isEqualTo(member.id());
        assertThat(requests.view(HelpdeskScenario.self(member), call.id()).history().get(0).kind()).isEqualTo(EventKind.REGISTERED);

        String callerPhone = Fixtures.newPhone();
        HelpRequestView nonMember = requests.register(window, new Registration(Channel.HOTLINE, null, callerPhone,
                "李师傅", RequestType.CONSULTATION, "CONSULT_LABOUR", "如何加入工会", "还不是会员，想了解入会。", null, null));
        assertThat(nonMember.memberId()).isNull();
        assertThat(nonMember.handlingOrgId()).isEqualTo(scenario.org("NB-HS-T01").id());
        assertThat(nonMember.contactName()).isEqualTo("李师傅");
        assertThat(nonMember.contactPhoneMasked()).isEqualTo(org.gonghui.shared.crypto.Masking.phone(callerPhone));
        assertThat(jdbc.sql("select contact_phone_enc from help_request where id = :id").param("id", nonMember.id())
                .query(String.class).single()).startsWith("v1:");

        long before = count();
        mvc.perform(post("/api/v1/helpdesk/registrations").with(Fixtures.as(window)).contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").content("""
                                {"channel":"HOTLINE","phone":"%s","type":"CONSULTATION","subtype":"CONSULT_LABOUR",
                                 "subject":"无名来电","content":"没有留姓名"}""".formatted(Fixtures.newPhone())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("helpdesk.register.contact-required"))
                .andExpect(jsonPath("$.detail").value(containsString("name and phone")));
        mvc.perform(post("/api/v1/helpdesk/registrations").with(Fixtures.as(window)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"channel":"PORTAL","idNumber":"%s","type":"CONSULTATION","subtype":"CONSULT_LABOUR",
                                 "subject":"渠道不对","content":"门户渠道不能由工作人员登记"}""".formatted(idNumber)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("helpdesk.channel.staff"));
        mvc.perform(post("/api/v1/helpdesk/registrations").with(Fixtures.as(HelpdeskScenario.self(member)))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"channel":"WINDOW","idNumber":"%s","type":"CONSULTATION","subtype":"CONSULT_LABOUR",
                                 "subject":"会员不能登记","content":"只有工作人员可以"}""".formatted(idNumber)))
                .andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithAClearReasonAndNothingIsStored() throws Exception {
        MemberView member = scenario.member("NB-HS-T01-C1");
        CurrentUser self = HelpdeskScenario.self(member);
        long before = count();
        String[][] cases = {
            {"{\"type\":\"COMPLAINT\",\"subtype\":\"COMPLAINT_WAGES\",\"subject\":\"欠薪\",\"content\":\"欠薪\",\"answers\":{\"employer\":\"某公司\"}}",
                "helpdesk.form.required", "Amount owed"},
            {"{\"type\":\"COMPLAINT\",\"subtype\":\"COMPLAINT_WAGES\",\"subject\":\"欠薪\",\"content\":\"欠薪\",\"answers\":{\"employer\":\"某公司\",\"amountOwed\":\"很多\"}}",
                "helpdesk.form.invalid", "Amount owed"},
            {"{\"type\":\"COMPLAINT\",\"subtype\":\"COMPLAINT_WAGES\",\"subject\":\"欠薪\",\"content\":\"欠薪\",\"answers\":{\"employer\":\"某公司\",\"amountOwed\":\"1\",\"salary\":\"2\"}}",
                "helpdesk.form.unknown-field", "salary"},
            {"{\"type\":\"CONSULTATION\",\"subtype\":\"COMPLAINT_WAGES\",\"subject\":\"类型不符\",\"content\":\"x\"}",
                "helpdesk.subtype.unknown", "COMPLAINT_WAGES"},
            {"{\"type\":\"CONSULTATION\",\"subtype\":\"CONSULT_POLICY\",\"subject\":\"非投诉\",\"content\":\"x\",\"againstEmployer\":true}",
                "helpdesk.against-employer.complaint-only", "complaint"},
            {"{\"type\":\"CONSULTATION\",\"subtype\":\"CONSULT_POLICY\",\"subject\":\"电话不对\",\"content\":\"x\",\"contactPhone\":\"12345\"}",
                "member.phone.invalid", ""},
            {"{\"type\":\"CONSULTATION\",\"subtype\":\"CONSULT_POLICY\",\"subject\":\"   \",\"content\":\"x\"}",
                "error.invalid-input", ""},
            {"{\"type\":\"HELP\",\"subtype\":\"CONSULT_POLICY\",\"subject\":\"类型\",\"content\":\"x\"}", null, ""},
        };
        for (String[] bad : cases) {
            var result = mvc.perform(post("/api/v1/helpdesk/requests").with(Fixtures.as(self))
                    .contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ACCEPT_LANGUAGE, "en").content(bad[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value(containsString(bad[2])));
            if (bad[1] != null) {
                result.andExpect(jsonPath("$.code").value(bad[1]));
            }
        }
        mvc.perform(post("/api/v1/helpdesk/requests").with(Fixtures.as(self)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"COMPLAINT\",\"subtype\":\"COMPLAINT_WAGES\",\"subject\":\"欠薪\",\"content\":\"欠薪\",\"answers\":{\"employer\":\"某公司\"}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(containsString("拖欠金额")));
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select count(*) from help_request").query(Long.class).single()
                + jdbc.sql("select count(*) from help_request_event").query(Long.class).single();
    }
}

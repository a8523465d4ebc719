package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.shared.crypto.Masking;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Protected contents: what a complaint says, its form answers and every reply are stored encrypted; staff see the
 * member of a complaint or legal-aid request masked and every look at such a request is audit-logged, as is every
 * reveal of the contact; a consultation shows the member's name as the registry does.
 */
@IntegrationTest
class HelpdeskPrivacyIntegrationTests {

    @Autowired
    HelpdeskScenario scenario;
    @Autowired
    HelpRequests requests;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aComplaintIsStoredSealedShownMaskedToStaffAndEveryLookIsLogged() throws Exception {
        HelpdeskScenario.Person person = scenario.person("NB-HS-T01-E1");
        HelpRequestView complaint = scenario.submit(person.member(), HelpdeskScenario.wagesComplaint("隐私保护", true));
        CurrentUser township = scenario.staff("NB-HS-T01");
        requests.reply(township, complaint.id(), null, "已约谈企业负责人");

        var row = jdbc.sql("select content_enc, form_answers_enc from help_request where id = :id").param("id", complaint.id())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(row[0]).startsWith("v1:").doesNotContain("三个月");
        assertThat(row[1]).startsWith("v1:").doesNotContain("宁波某某");
        assertThat(jdbc.sql("select text_enc from help_request_event where request_id = :r and kind = 'REPLY'")
                .param("r", complaint.id()).query(String.class).single()).startsWith("v1:").doesNotContain("约谈");

        long before = looks(complaint.id(), "helpdesk.request.view");
        mvc.perform(get("/api/v1/helpdesk/requests/{id}", complaint.id()).with(Fixtures.as(township)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.request.contactName").value(Masking.name(person.member().name())))
                .andExpect(jsonPath("$.request.contactPhoneMasked").value(Masking.phone(person.phone())))
                .andExpect(jsonPath("$.request.formAnswers.employer").value("宁波某某有限公司"));
        assertThat(looks(complaint.id(), "helpdesk.request.view")).isEqualTo(before + 1);

        // the member sees their own name; their looks are not staff looks
        mvc.perform(get("/api/v1/helpdesk/requests/{id}", complaint.id()).with(Fixtures.as(HelpdeskScenario.self(person.member()))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.request.contactName").value(person.member().name()));
        assertThat(looks(complaint.id(), "helpdesk.request.view")).isEqualTo(before + 1);

        mvc.perform(post("/api/v1/helpdesk/requests/{id}/contact/reveal", complaint.id()).with(Fixtures.as(township)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value(person.member().name()))
                .andExpect(jsonPath("$.phone").value(person.phone()));
        assertThat(looks(complaint.id(), "helpdesk.request.reveal-contact")).isEqualTo(1);
        mvc.perform(post("/api/v1/helpdesk/requests/{id}/contact/reveal", complaint.id())
                        .with(Fixtures.as(scenario.staff("NB-HS-T01-E1"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void aConsultationShowsTheMembersNameAndIsNotLoggedOnEveryLook() {
        HelpdeskScenario.Person person = scenario.person("NB-HS-T01-C1");
        HelpRequestView consultation = scenario.submit(person.member(), HelpdeskScenario.consultation("普通咨询"));
        HelpRequestDetails seen = requests.view(scenario.staff("NB-HS-T01"), consultation.id());
        assertThat(seen.request().contactName()).isEqualTo(person.member().name());
        assertThat(seen.request().contactPhoneMasked()).isEqualTo(Masking.phone(person.phone()));
        assertThat(looks(consultation.id(), "helpdesk.request.view")).isZero();
    }

    private long looks(long requestId, String action) {
        return jdbc.sql("select count(*) from audit_log where action = :a and record_id = :id").param("a", action)
                .param("id", String.valueOf(requestId)).query(Long.class).single();
    }
}

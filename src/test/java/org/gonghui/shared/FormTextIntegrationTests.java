package org.gonghui.shared;

import static org.gonghui.support.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.support.ApiClient;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Form fields and query parameters obey the same text rules as JSON bodies: no control characters, a maximum length. */
@IntegrationTest
class FormTextIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;

    @Test
    void aQueryParameterWithAControlCharacterIsRefusedByName() throws Exception {
        String token = ApiClient.bearer(mvc, "haishu", "Gonghui2026");
        mvc.perform(get("/api/v1/members").param("q", "张\u0000").header(HttpHeaders.AUTHORIZATION, token)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q").value(Matchers.startsWith("Contains a line break")));
        mvc.perform(get("/api/v1/members").param("q", "张".repeat(201)).header(HttpHeaders.AUTHORIZATION, token)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q").value("Too long: at most 200 characters"));
    }

    @Test
    void aConsoleFormRefusesControlCharactersAndOverlongTextButKeepsLinesWhereTheyBelong() throws Exception {
        var staff = Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF);
        long activities = jdbc.sql("select count(*) from activity").query(Long.class).single();
        mvc.perform(post("/console/activities").with(as(staff)).with(csrf()).param("title", "讲座\u0007")
                        .param("category", "TRAINING").param("mode", "FIRST_COME").param("capacity", "3")
                        .param("opensAt", "2026-01-01T10:00").param("closesAt", "2099-01-01T10:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("此处只能填一行文字")));
        mvc.perform(post("/console/activities").with(as(staff)).with(csrf()).param("title", "讲".repeat(101))
                        .param("category", "TRAINING").param("mode", "FIRST_COME").param("capacity", "3")
                        .param("opensAt", "2026-01-01T10:00").param("closesAt", "2099-01-01T10:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("最多 100 个字")));
        mvc.perform(post("/console/activities").with(as(staff)).with(csrf()).param("title", "讲座")
                        .param("description", "第一行\r\n第二行\u0000").param("category", "TRAINING").param("mode", "FIRST_COME")
                        .param("capacity", "3").param("opensAt", "2026-01-01T10:00").param("closesAt", "2099-01-01T10:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("控制字符")));
        mvc.perform(post("/console/activities").with(as(staff)).with(csrf()).param("title", "两行说明的讲座")
                        .param("description", "第一行\r\n第二行\t完").param("category", "TRAINING").param("mode", "FIRST_COME")
                        .param("capacity", "3").param("opensAt", "2026-01-01T10:00").param("closesAt", "2099-01-01T10:00")
                        .param("sessions", "2099-01-02 14:00 90\n2099-01-03 14:00 90"))
                .andExpect(status().is3xxRedirection());
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from activity").query(Long.class).single())
                .isEqualTo(activities + 1);
    }
}

package org.gonghui.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.organisation.Organisations;
import org.gonghui.support.ApiClient;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * JSON is bound strictly: a value of the wrong JSON type is refused with a problem detail naming the field, never
 * converted; text with control characters or beyond its maximum and dates outside 1900–2100 are refused too.
 */
@IntegrationTest
class StrictJsonIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Organisations organisations;

    private String token;
    private long members;

    @BeforeEach
    void signIn() throws Exception {
        token = ApiClient.bearer(mvc, "haishu", "Gonghui2026");
        members = jdbc.sql("select count(*) from member").query(Long.class).single();
    }

    private long org(String code) {
        return organisations.findByCode(code).orElseThrow().id();
    }

    private ResultActions send(String path, String json, String language) throws Exception {
        return mvc.perform(post(path).header(HttpHeaders.AUTHORIZATION, token)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** A registration that would be accepted but for the one field given as raw JSON. */
    private String registration(String field, String rawValue) {
        String json = "{\"name\":\"张三\",\"idNumber\":\"" + Fixtures.newIdNumber() + "\",\"orgId\":" + org("NB-HS-T01-E1")
                + ",\"type\":\"IN_SERVICE\"}";
        return json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9]+)", java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + rawValue))
                .replace("}", json.contains("\"" + field + "\"") ? "}" : ",\"" + field + "\":" + rawValue + "}");
    }

    @Test
    void aFractionalOrganisationIdIsRefusedNotTruncated() throws Exception {
        send("/api/v1/members", registration("orgId", "1.5"), "zh")
                .andExpect(jsonPath("$.errors.orgId").value("应为整数"));
        send("/api/v1/members", registration("orgId", "1.5"), "en")
                .andExpect(jsonPath("$.errors.orgId").value("Must be a whole number"));
        assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isEqualTo(members);
    }

    @Test
    void anOrganisationMoveToAFractionalParentIsRefused() throws Exception {
        long point = org("NB-HS-T01-E1");
        String pathBefore = organisations.find(point).orElseThrow().path();
        send("/api/v1/organisations/" + point + "/move", "{\"parentId\": 1.5}", "en")
                .andExpect(jsonPath("$.errors.parentId").value("Must be a whole number"));
        assertThat(organisations.find(point).orElseThrow().path()).isEqualTo(pathBefore);
    }

    @Test
    void aNumberIsNoTextAndNoDateAndTwoIsNoBoolean() throws Exception {
        send("/api/v1/members", registration("name", "123"), "zh").andExpect(jsonPath("$.errors.name").value("应为文本"));
        send("/api/v1/members", registration("joinedOn", "20000"), "en")
                .andExpect(jsonPath("$.errors.joinedOn").value("Must be a date such as 2026-01-31"));
        send("/api/v1/members", registration("orgId", "\"" + org("NB-HS-T01-E1") + "\""), "en")
                .andExpect(jsonPath("$.errors.orgId").value("Must be a whole number"));
        send("/api/v1/members", registration("orgId", "99999999999999999999"), "en")
                .andExpect(jsonPath("$.errors.orgId").value("The number is out of range"));
        send("/api/v1/activities", "{\"title\":\"x\",\"online\":2}", "en")
                .andExpect(jsonPath("$.errors.online").value("Must be true or false"));
        send("/api/v1/members", registration("type", "\"ASTRONAUT\""), "en")
                .andExpect(jsonPath("$.errors.type").value(org.hamcrest.Matchers.startsWith("Must be one of: ")));
        assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isEqualTo(members);
    }

    @Test
    void controlCharactersOversizedTextAndImplausibleDatesAreRefused() throws Exception {
        send("/api/v1/members", registration("name", "\"张\\u0000三\""), "en")
                .andExpect(jsonPath("$.errors.name").value(org.hamcrest.Matchers.startsWith("Contains a line break")));
        send("/api/v1/members", registration("name", "\"张\\n三\""), "zh")
                .andExpect(jsonPath("$.errors.name").value(org.hamcrest.Matchers.containsString("只能填一行")));
        send("/api/v1/members", registration("name", "\"" + "张".repeat(201) + "\""), "en")
                .andExpect(jsonPath("$.errors.name").value("Too long: at most 200 characters"));
        send("/api/v1/members", registration("joinedOn", "\"+99999-01-01\""), "en")
                .andExpect(jsonPath("$.errors.joinedOn").value("Dates must lie between the years 1900 and 2100"));
        send("/api/v1/members", registration("joinedOn", "\"1899-12-31\""), "zh")
                .andExpect(jsonPath("$.errors.joinedOn").value("日期应在 1900 年至 2100 年之间"));
        assertThat(jdbc.sql("select count(*) from member").query(Long.class).single()).isEqualTo(members);
    }

    @Test
    void aBodyThatIsNoJsonOrMissingIsExplained() throws Exception {
        send("/api/v1/members", "{\"name\": \"broken", "en")
                .andExpect(jsonPath("$.code").value("error.json.malformed"));
        send("/api/v1/members", "", "en").andExpect(jsonPath("$.code").value("error.json.missing"));
        send("/api/v1/members", registration("name", "\"x\"") + "{}", "en")
                .andExpect(jsonPath("$.code").value("error.json.malformed"));
    }
}

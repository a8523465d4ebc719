package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.support.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.ApiClient;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The time limits as seeded and as the city's admins version them: a request keeps the version in force at its
 * receipt. The version added here starts in 2099, far beyond any other test's clock, and is removed afterwards.
 */
@IntegrationTest
class TimeLimitsIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;
    @Autowired TimeLimits timeLimits;

    private CurrentUser cityAdmin() {
        return Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.ADMIN, Role.STAFF);
    }

    private long versions() {
        return jdbc.sql("select count(*) from helpdesk_time_limit_version").query(Long.class).single();
    }

    @AfterEach
    void removeTestVersions() {
        jdbc.sql("delete from helpdesk_time_limit where version_id > 1").update();
        jdbc.sql("delete from helpdesk_time_limit_version where id > 1").update();
        timeLimits.reload();
    }

    @Test
    void theDefaultsAreInForce() {
        TimeLimitVersion version = timeLimits.inForce(Instant.parse("2026-03-02T01:00:00Z"));
        assertThat(version.limitsFor(RequestType.CONSULTATION, Difficulty.NORMAL)).isEqualTo(new Limits(1, 3, 5));
        assertThat(version.limitsFor(RequestType.COMPLAINT, Difficulty.HARD)).isEqualTo(new Limits(1, 3, 10));
        assertThat(version.limitsFor(RequestType.LEGAL_AID, Difficulty.COMPLEX)).isEqualTo(new Limits(1, 3, 15));
        assertThat(version.rule()).isEqualTo(LightRule.standard());
        assertThat(version.callbackDays()).isEqualTo(5);
        assertThat(version.duplicateWindowDays()).isEqualTo(30);
    }

    @Test
    void theCityAdminAddsAVersionThatAppliesToRequestsReceivedFromItsStart() throws Exception {
        mvc.perform(form("2099-01-01", "2", "0.75").with(as(cityAdmin())))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        TimeLimitVersion added = timeLimits.inForce(Instant.parse("2099-01-01T00:00:00+08:00"));
        assertThat(added.id()).isGreaterThan(1);
        assertThat(added.limitsFor(RequestType.COMPLAINT, Difficulty.NORMAL)).isEqualTo(new Limits(2, 2, 4));
        assertThat(added.rule().yellowShareOfResolution()).isEqualByComparingTo(new BigDecimal("0.75"));
        assertThat(timeLimits.inForce(Instant.parse("2098-12-31T23:59:59+08:00")).id()).as("the day before").isEqualTo(1);
        assertThat(timeLimits.version(added.id())).isEqualTo(added);
        mvc.perform(get("/console/helpdesk/time-limits").with(as(cityAdmin())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-version=\"" + added.id() + "\"")))
                .andExpect(content().string(Matchers.containsString("data-testid=\"limits-add\"")));
        String token = ApiClient.bearer(mvc, "jili", "Gonghui2026");
        mvc.perform(get("/api/v1/helpdesk/time-limits").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(added.id()))
                .andExpect(jsonPath("$[1].limits.COMPLAINT.COMPLEX.resolutionDays").value(15));
    }

    @Test
    void refusesAVersionThatStartsTooEarlyOrHoldsNonsenseAndStoresNothing() throws Exception {
        long before = versions();
        mvc.perform(form("2020-01-01", "2", "0.75").with(as(cityAdmin())))
                .andExpect(flash().attribute("error", Matchers.containsString("晚于今天")));
        mvc.perform(form("2099-01-01", "0", "0.75").with(as(cityAdmin())))
                .andExpect(flash().attribute("error", Matchers.containsString("1 至 365")));
        mvc.perform(form("2099-01-01", "2", "1.5").with(as(cityAdmin())))
                .andExpect(flash().attribute("error", Matchers.containsString("比例")));
        mvc.perform(form("2099-01-01", "9", "0.75").with(as(cityAdmin())))
                .andExpect(flash().attribute("error", Matchers.containsString("首次答复不晚于办结")));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void otherStaffReadTheVersionsButCannotAddOne() throws Exception {
        CurrentUser district = Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.ADMIN, Role.STAFF);
        mvc.perform(get("/console/helpdesk/time-limits").with(as(district)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-version=\"1\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"limits-add\""))));
        long before = versions();
        mvc.perform(form("2099-01-01", "2", "0.75").with(as(district)))
                .andExpect(flash().attribute("error", Matchers.containsString("市总工会管理员")));
        assertThat(versions()).isEqualTo(before);
    }

    /** The add form with every limit 2 / 2 / 4, the rule 7 / share / 3, call-back 5 and duplicates 30. */
    private static MockHttpServletRequestBuilder form(String validFrom, String days, String share) {
        MockHttpServletRequestBuilder form = post("/console/helpdesk/time-limits").with(csrf()).param("validFrom", validFrom);
        for (RequestType type : RequestType.values()) {
            for (Difficulty difficulty : Difficulty.values()) {
                form.param(type + "." + difficulty + ".first", days).param(type + "." + difficulty + ".next", "2")
                        .param(type + "." + difficulty + ".resolution", "4");
            }
        }
        return form.param("yellowAfterUnansweredDays", "7").param("yellowShareOfResolution", share)
                .param("redAfterYellowDays", "3").param("callbackDays", "5").param("duplicateWindowDays", "30");
    }
}

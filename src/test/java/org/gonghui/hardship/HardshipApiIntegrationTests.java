package org.gonghui.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.hardship.HardshipTestData.member;
import static org.gonghui.hardship.HardshipTestData.org;
import static org.gonghui.hardship.HardshipTestData.staff;
import static org.gonghui.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import org.gonghui.hardship.internal.MeansTestData;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class HardshipApiIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired MeansTestData data;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired AuditLog audit;
    @Autowired TestClock clock;

    @BeforeEach
    void standard() {
        clock.set(Instant.parse("2030-06-10T02:00:00Z"));
        data.setStandard(org(organisations, "NB-YZ").id(), 2030, new BigDecimal("1100.00"), "test");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String household(String selfId, String childId, String income) {
        return """
                {"people":[{"name":"王芳","idNumber":"%s","relation":"SELF","annualIncome":%s},
                           {"name":"王小明","idNumber":"%s","relation":"CHILD","annualIncome":0}],
                 "medical":12000,"education":3000,"disability":0,"cause":"ILLNESS","note":"女儿读书，本人患病"}"""
                .formatted(selfId, income, childId);
    }

    @Test
    void aMemberAppliesStaffReviewAndTheMemberReadsTheExplanation() throws Exception {
        MemberView m = member(members, organisations, "NB-YZ-T02-C1");
        var self = as(Fixtures.member(m.id()));
        String child = Fixtures.newIdNumber();
        mvc.perform(post("/api/v1/hardship/me").with(self).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en").content(household(Fixtures.newIdNumber(), child, "\"abc\"")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/hardship/me").with(self).contentType(MediaType.APPLICATION_JSON)
                .content(household("110105194912310021", child, "20000"))).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/hardship/me").with(self).contentType(MediaType.APPLICATION_JSON)
                .content(household(Fixtures.newIdNumber(), child, "-1"))).andExpect(status().isBadRequest());
        String body = mvc.perform(post("/api/v1/hardship/me").with(self).contentType(MediaType.APPLICATION_JSON)
                        .content(household(Fixtures.newIdNumber(), child, "30000.50")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        // another township's, another district's staff and another member find nothing
        mvc.perform(get("/api/v1/hardship/archives/" + id).with(as(staff(organisations, "NB-YZ-T03"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/hardship/archives/" + id + "/reveal").with(as(staff(organisations, "NB-HS"))))
                .andExpect(status().isNotFound());
        MemberView stranger = member(members, organisations, "NB-YZ-T02-C1");
        mvc.perform(get("/api/v1/hardship/me/" + id).with(as(Fixtures.member(stranger.id())))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/hardship/archives").with(self)).andExpect(status().isForbidden());

        CurrentUser point = staff(organisations, "NB-YZ-T02-C1");
        mvc.perform(get("/api/v1/hardship/archives/" + id).with(as(point))).andExpect(status().isOk())
                .andExpect(jsonPath("$.household.people[1].idNumber").value(child.substring(0, 4) + "**********"
                        + child.substring(14)))
                .andExpect(content().string(not(containsString("30000.50"))))
                .andExpect(content().string(not(containsString(child))));
        mvc.perform(post("/api/v1/hardship/archives/" + id + "/reveal").with(as(point))).andExpect(status().isOk())
                .andExpect(jsonPath("$.household.people[1].idNumber").value(child))
                .andExpect(jsonPath("$.outcome.tier").value("DEEP"))
                .andExpect(jsonPath("$.provisional").value(true));
        assertThat(audit.search(new AuditLog.AuditQuery(point.getUsername(), "hardship.reveal", null, null, null, null),
                0, 10).items()).hasSize(1);

        mvc.perform(post("/api/v1/hardship/archives/" + id + "/register").with(as(point))).andExpect(status().isOk());
        CurrentUser township = staff(organisations, "NB-YZ-T02");
        mvc.perform(post("/api/v1/hardship/archives/" + id + "/check").with(as(township))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"入户核实属实\"}")).andExpect(status().isOk());
        CurrentUser district = staff(organisations, "NB-YZ");
        mvc.perform(post("/api/v1/hardship/archives/" + id + "/approve").with(as(township)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/hardship/archives/" + id + "/send-back").with(as(district))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/hardship/archives/" + id + "/approve").with(as(district)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tier").value("DEEP"))
                .andExpect(jsonPath("$.reviewDue").value("2031-06-10"));

        // a later change of the standard does not change the decision already made
        data.setStandard(org(organisations, "NB-YZ").id(), 2030, new BigDecimal("500.00"), "test");
        mvc.perform(get("/api/v1/hardship/me/" + id).with(self).header("Accept-Language", "en")).andExpect(status().isOk())
                .andExpect(jsonPath("$.archive.status").value("APPROVED"))
                .andExpect(jsonPath("$.assessment.provisional").value(false))
                .andExpect(jsonPath("$.assessment.outcome.figures.standard").value(1100.00))
                .andExpect(jsonPath("$.assessment.outcome.figures.net").value(15000.50))
                .andExpect(jsonPath("$.assessment.outcome.lines[3].code").value("per-capita"))
                .andExpect(jsonPath("$.steps[3].step").value("APPROVED"));
        mvc.perform(get("/api/v1/hardship/archives?tier=DEEP&status=APPROVED").with(as(township)))
                .andExpect(jsonPath("$.items[?(@.id == " + id + ")]").exists());
        mvc.perform(get("/api/v1/hardship/archives?tier=NOPE").with(as(township))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/hardship/figures?year=2030").with(as(township)))
                .andExpect(jsonPath("$.households.DEEP").value(1)).andExpect(jsonPath("$.entered").value(1));
        mvc.perform(get("/api/v1/hardship/archives/export").with(as(township))).andExpect(status().isOk());
    }

    @Test
    void theYearlyReviewIsPublishedWithItsEntriesAndSeed() throws Exception {
        CurrentUser township = staff(organisations, "NB-YZ-T04");
        mvc.perform(post("/api/v1/hardship/reviews").with(as(township)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":\"2030\"}")).andExpect(status().isBadRequest());
        String round = mvc.perform(post("/api/v1/hardship/reviews").with(as(township)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2030,\"seed\":\"福彩3D 2030160\"}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.visitShare").value(0.3)).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(round, "$.id")).longValue();
        String detail = mvc.perform(get("/api/v1/hardship/reviews/" + id).with(as(township))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String entries = JsonPath.read(detail, "$.publishedEntries");
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(entries.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).isEqualTo(JsonPath.read(detail, "$.round.entriesHash"));
        mvc.perform(get("/api/v1/hardship/reviews/" + id).with(as(staff(organisations, "NB-YZ-T05"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void standardsAreSetOnlyForDistrictsInScope() throws Exception {
        CurrentUser district = staff(organisations, "NB-YZ");
        mvc.perform(put("/api/v1/hardship/standards").with(as(district)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"districtId\":" + org(organisations, "NB-YZ").id() + ",\"year\":2031,\"monthly\":1200.5}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].monthly").value(1200.5));
        mvc.perform(put("/api/v1/hardship/standards").with(as(district)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"districtId\":" + org(organisations, "NB-HS").id() + ",\"year\":2031,\"monthly\":1200}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/hardship/standards").with(as(district)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"districtId\":" + org(organisations, "NB-YZ").id() + ",\"year\":2031,\"monthly\":-3}"))
                .andExpect(status().isBadRequest());
    }
}

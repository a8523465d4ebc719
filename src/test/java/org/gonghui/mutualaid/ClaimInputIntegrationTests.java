package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.gonghui.member.MemberView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.gonghui.support.Sheets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Bad input to mutual aid through every door is a localised 4xx and stores nothing: implausible or
 * disordered claim dates, new hires for a unit that does not exist, adjustments above what the rules pay.
 */
@IntegrationTest
class ClaimInputIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MutualAidScenario scenario;
    @Autowired
    ClaimReview review;
    @Autowired
    JdbcClient jdbc;

    private long claimsOf(MemberView member) {
        return jdbc.sql("select count(*) from mutualaid_claim where member_id = :m").param("m", member.id())
                .query(Long.class).single();
    }

    private static String claimJson(LocalDate admitted, LocalDate discharged) {
        return """
                {"project":"INPATIENT","hospital":"宁波市第一医院","eventDate":"%s","endDate":"%s","diagnosis":"肺炎",
                 "totalCost":6000,"insurancePaid":3000,"selfPaid":3000,"invoiceNo":"%s"}"""
                .formatted(admitted, discharged, Fixtures.unique("INV"));
    }

    @Test
    void refusesImplausibleOrDisorderedClaimDatesThroughApiStaffFilingAndPortalAndStoresNothing() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        CurrentUser self = MutualAidScenario.self(member);
        LocalDate today = PlatformZone.today();
        List<LocalDate[]> bad = List.of(new LocalDate[] {LocalDate.of(1800, 1, 1), LocalDate.of(1800, 1, 1)},
                new LocalDate[] {LocalDate.of(1800, 1, 1), today}, new LocalDate[] {today, today.minusDays(3)},
                new LocalDate[] {today.plusDays(2), today.plusDays(5)}, new LocalDate[] {LocalDate.of(1999, 6, 1),
                        LocalDate.of(1999, 6, 2)});

        for (LocalDate[] dates : bad) {
            // the API's binding refuses a date outside 1900-2100 before the claim rules see it, naming the field
            boolean implausible = dates[0].getYear() < 1900;
            mvc.perform(post("/api/v1/mutual-aid/me/claims").contentType(MediaType.APPLICATION_JSON)
                            .content(claimJson(dates[0], dates[1])).header("Accept-Language", "en").with(Fixtures.as(self)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value(implausible ? "error.date.out-of-range" : "mutualaid.claim.dates"))
                    .andExpect(jsonPath("$.detail").value(containsString(implausible ? "between the years 1900 and 2100"
                            : "Check the dates")));
            mvc.perform(post("/api/v1/mutual-aid/members/{id}/claims", member.id()).contentType(MediaType.APPLICATION_JSON)
                            .content(claimJson(dates[0], dates[1])).with(Fixtures.as(scenario.admin())))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value(implausible ? "error.date.out-of-range" : "mutualaid.claim.dates"))
                    .andExpect(jsonPath("$.detail").value(containsString(implausible ? "1900 年至 2100 年" : "日期有误")));
            mvc.perform(post("/me/mutual-aid/claims").with(Fixtures.as(self)).with(csrf())
                            .param("project", "INPATIENT").param("hospital", "宁波市第一医院")
                            .param("eventDate", dates[0].toString()).param("endDate", dates[1].toString())
                            .param("diagnosis", "肺炎").param("totalCost", "6000").param("insurancePaid", "3000")
                            .param("selfPaid", "3000").param("invoiceNo", Fixtures.unique("INV")))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("日期有误")));
        }
        assertThat(claimsOf(member)).isZero();
    }

    @Test
    void newHiresForAnUnknownUnitAreNotFoundByApiAndConsole() throws Exception {
        MemberView hire = scenario.hire(scenario.newUnit("NB-HS-T01"), 1, org.gonghui.member.MemberType.IN_SERVICE).get(0);
        var list = Sheets.xlsx(List.of("姓名", "身份证号"), List.of(List.of(hire.name(),
                scenario.members.revealOwn(hire.id(), org.gonghui.member.PersonalField.ID_NUMBER))));
        long enrolmentsBefore = jdbc.sql("select count(*) from mutualaid_enrolment").query(Long.class).single();

        mvc.perform(multipart("/api/v1/mutual-aid/units/{id}/new-hires", 987654321L).file(list)
                        .param("paidOn", PlatformZone.today().toString()).with(Fixtures.as(scenario.admin())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("mutualaid.unit.not-found"));
        mvc.perform(multipart("/console/mutual-aid/units/{id}/new-hires", 987654321L).file(list)
                        .param("year", String.valueOf(scenario.year().startYear()))
                        .param("paidOn", PlatformZone.today().toString()).with(Fixtures.as(scenario.admin())).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from mutualaid_enrolment").query(Long.class).single())
                .isEqualTo(enrolmentsBefore);
    }

    @Test
    void anAdjustmentNeverExceedsWhatTheRulesPayNorGoesNegative() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView claim = scenario.submit(member, "3000");
        CurrentUser reviewer = scenario.admin();
        review.accept(reviewer, claim.id(), null);

        mvc.perform(post("/api/v1/mutual-aid/claims/{id}/adjust", claim.id()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":10000000,\"reason\":\"核增\"}").with(Fixtures.as(reviewer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("mutualaid.claim.adjust.above-rules"))
                .andExpect(jsonPath("$.detail").value(containsString("2,600.00 元")));
        mvc.perform(post("/api/v1/mutual-aid/claims/{id}/adjust", claim.id()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":-1,\"reason\":\"核减\"}").with(Fixtures.as(reviewer)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("mutualaid.claim.adjust.amount"));
        mvc.perform(post("/console/mutual-aid/claims/{id}/adjust", claim.id()).param("amount", "2600.01")
                        .param("reason", "核增").with(Fixtures.as(reviewer)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", containsString("2,600.00 元")));

        assertThat(jdbc.sql("select count(*) from mutualaid_claim where id = :id and approved_amount is null")
                .param("id", claim.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mutualaid_claim_event where claim_id = :id and kind = 'adjusted'")
                .param("id", claim.id()).query(Long.class).single()).isZero();
        ClaimView lowered = review.adjust(reviewer, claim.id(), null, Money.of(2600), "按规则全额");
        assertThat(lowered.amount()).isEqualTo(Money.of(2600));
    }
}

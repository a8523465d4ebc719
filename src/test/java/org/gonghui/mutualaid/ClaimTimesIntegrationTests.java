package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.gonghui.member.MemberView;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A claim's times are Beijing time on the member's phone, on the reviewer's page and in the Excel export, whatever
 * the server's zone (the build runs these tests with a far-away JVM zone, and the PostgreSQL run with UTC).
 */
@IntegrationTest
class ClaimTimesIntegrationTests {

    /** 05:58 UTC is 13:58 in Ningbo. */
    private static final Instant AT = Instant.parse("2026-03-01T05:58:00Z");

    @Autowired MockMvc mvc;
    @Autowired MutualAidScenario scenario;
    @Autowired JdbcClient jdbc;

    @Test
    void theTimelineShowsBeijingTimeToTheMemberAndTheReviewer() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView claim = scenario.submit(member, "5000");
        jdbc.sql("update mutualaid_claim_event set at = :at where claim_id = :c").param("at", Timestamp.from(AT))
                .param("c", claim.id()).update();

        mvc.perform(get("/me/mutual-aid/claims/{id}", claim.id()).with(Fixtures.as(MutualAidScenario.self(member))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2026-03-01 13:58")))
                .andExpect(content().string(not(containsString(inJvmZoneIfElsewhere(AT)))));
        mvc.perform(get("/console/mutual-aid/claims/{id}", claim.id()).with(Fixtures.as(scenario.reviewer("NB-HS"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2026-03-01 13:58")));
    }

    @Test
    void theClaimsExportShowsWhenAClaimWasSubmittedInBeijingTime() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView claim = scenario.submit(member, "4000");
        jdbc.sql("update mutualaid_claim set submitted_at = :at where id = :c").param("at", Timestamp.from(AT))
                .param("c", claim.id()).update();

        byte[] sheet = mvc.perform(get("/console/mutual-aid/claims/export").param("orgId",
                        String.valueOf(member.orgId())).with(Fixtures.as(scenario.reviewer("NB-HS"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        List<Spreadsheets.SheetRow> rows = Spreadsheets.read(new MockMultipartFile("file", "claims.xlsx", null, sheet), 1000);
        assertThat(rows).filteredOn(r -> r.cell(0).equals(claim.claimNo())).singleElement()
                .satisfies(r -> assertThat(r.cells()).contains("2026-03-01 13:58"));
    }

    /** The time as the JVM's own zone would show it (when that zone is not Beijing time at that instant). */
    static String inJvmZoneIfElsewhere(Instant at) {
        String jvm = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault()).format(at);
        return jvm.equals("2026-03-01 13:58") ? "no other time" : jvm;
    }
}

package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.member.MemberView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Benefits that do not depend on the order of review: the first-stay subsidy goes to the earliest stay of the
 * year whichever claim is approved first, moves on when that stay is rejected, and is never granted twice;
 * approval checks the document checklist unless a reviewer overrides it with a reason (audit-logged).
 */
@IntegrationTest
class BenefitOrderIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MutualAidScenario scenario;
    @Autowired
    Claims claims;
    @Autowired
    ClaimReview review;
    @Autowired
    JdbcClient jdbc;

    private ClaimView reload(ClaimView claim) {
        return claims.details(scenario.admin(), claim.id()).claim();
    }

    private static boolean hasSubsidy(ClaimView claim) {
        return claim.explanation().stream().anyMatch(l -> l.code().equals("first-stay"));
    }

    @Test
    void twoOpenClaimsApprovedInTheWrongOrderStillGiveTheSubsidyToTheEarliestStay() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView later = scenario.submitComplete(member, scenario.stayAdmitted(10, "1000"));
        assertThat(later.computedAmount()).as("alone, the later stay is the first").isEqualTo(Money.of(1000));
        assertThat(later.provisional()).isTrue();

        ClaimView earlier = scenario.submitComplete(member, scenario.stayAdmitted(20, "1000"));

        assertThat(earlier.computedAmount()).isEqualTo(Money.of(1000));
        assertThat(reload(later).computedAmount()).as("recomputed when an earlier stay is filed").isEqualTo(Money.of(800));
        assertThat(reload(later).explanation()).extracting(ExplanationLine::code).contains("first-stay-earlier");
        assertThat(claims.details(scenario.admin(), later.id()).timeline()).extracting(ClaimEventView::kind)
                .contains("recomputed");

        mvc.perform(get("/api/v1/mutual-aid/claims/{id}", later.id()).with(Fixtures.as(MutualAidScenario.self(member))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.claim.provisional").value(true))
                .andExpect(jsonPath("$.claim.computedAmount").value(800.0));
        mvc.perform(get("/console/mutual-aid/claims/{id}", later.id()).with(Fixtures.as(scenario.admin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"provisional\"")));

        ClaimView laterApproved = scenario.approve(reload(later));
        ClaimView earlierApproved = scenario.approve(reload(earlier));

        assertThat(laterApproved.amount()).isEqualTo(Money.of(800));
        assertThat(hasSubsidy(laterApproved)).isFalse();
        assertThat(earlierApproved.amount()).isEqualTo(Money.of(1000));
        assertThat(hasSubsidy(earlierApproved)).isTrue();
        assertThat(laterApproved.provisional()).isFalse();
    }

    @Test
    void aRejectedEarlierStayGivesTheSubsidyBackToTheNextOne() {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView earlier = scenario.submitComplete(member, scenario.stayAdmitted(20, "1000"));
        ClaimView later = scenario.submitComplete(member, scenario.stayAdmitted(10, "1000"));
        assertThat(later.computedAmount()).isEqualTo(Money.of(800));

        review.reject(scenario.admin(), earlier.id(), null, "非住院费用");

        assertThat(reload(later).computedAmount()).isEqualTo(Money.of(1000));
        assertThat(scenario.approve(reload(later)).amount()).isEqualTo(Money.of(1000));
    }

    @Autowired
    ClaimBatches batches;

    @Test
    void batchApprovalRecomputesTheMembersOtherOpenClaims() {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        CurrentUser unitReviewer = Fixtures.staffAt(scenario.organisations.find(member.orgId()).orElseThrow(),
                org.gonghui.shared.security.Role.REVIEWER);
        ClaimView earlier = scenario.submitComplete(member, scenario.stayAdmitted(20, "1000"));
        ClaimView later = scenario.submitComplete(member, scenario.stayAdmitted(10, "1000"));
        review.accept(unitReviewer, earlier.id(), null);
        assertThat(later.explanation()).extracting(ExplanationLine::code).contains("first-stay-earlier");

        BatchApproval result = batches.approveUnderReview(unitReviewer, ReferenceRules.INPATIENT, scenario.year());

        assertThat(result.approved()).isEqualTo(1);
        assertThat(reload(earlier).amount()).isEqualTo(Money.of(1000));
        assertThat(reload(later).explanation()).extracting(ExplanationLine::code).contains("first-stay-granted");
        assertThat(reload(later).computedAmount()).isEqualTo(Money.of(800));
    }

    @Test
    void anEarlierStayFiledAfterALaterOneWasGrantedTheSubsidyDoesNotGetItAgain() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView later = scenario.approved(member, "1000");
        assertThat(hasSubsidy(later)).isTrue();

        ClaimView earlier = scenario.submitComplete(member, scenario.stayAdmitted(25, "1000"));

        assertThat(earlier.computedAmount()).isEqualTo(Money.of(800));
        assertThat(earlier.explanation()).extracting(ExplanationLine::code).contains("first-stay-granted");
        assertThat(scenario.approve(earlier).amount()).isEqualTo(Money.of(800));
        mvc.perform(get("/me/mutual-aid/claims/{id}", earlier.id()).with(Fixtures.as(MutualAidScenario.self(member))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已随 " + later.eventDate() + " 入院的那次住院核准发放")))
                .andExpect(content().string(containsString("200.00 元")));
    }

    @Test
    void approvalWithDocumentsMissingNeedsAnExplicitAuditLoggedOverride() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        CurrentUser reviewer = scenario.admin();
        ClaimView bare = scenario.submit(member, "1000");
        ClaimView viaConsole = scenario.submit(member, "500");
        review.accept(reviewer, bare.id(), null);
        review.accept(reviewer, viaConsole.id(), null);

        assertThatThrownBy(() -> review.approve(reviewer, bare.id(), null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("mutualaid.claim.approve.documents-missing");
        mvc.perform(post("/api/v1/mutual-aid/claims/{id}/approve", bare.id()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documentsOverride\":\"  \"}").with(Fixtures.as(reviewer)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("mutualaid.claim.approve.documents-missing"))
                .andExpect(jsonPath("$.detail").value(containsString("身份证、银行卡、住院结算单")))
                .andExpect(jsonPath("$.detail").value(not(containsString("ID_CARD"))));
        mvc.perform(post("/console/mutual-aid/claims/{id}/approve", viaConsole.id()).with(Fixtures.as(reviewer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", containsString("银行卡")));
        assertThat(reload(bare).status()).isEqualTo(ClaimStatus.UNDER_REVIEW);
        assertThat(reload(viaConsole).status()).isEqualTo(ClaimStatus.UNDER_REVIEW);

        mvc.perform(post("/api/v1/mutual-aid/claims/{id}/approve", bare.id()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documentsOverride\":\"单位已电话核实，原件随后补交\"}").with(Fixtures.as(reviewer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/console/mutual-aid/claims/{id}/approve", viaConsole.id())
                        .param("documentsOverride", "窗口已查验原件").with(Fixtures.as(reviewer)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeCount(1));
        assertThat(reload(viaConsole).status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(jdbc.sql("""
                select count(*) from audit_log where action = 'mutualaid.claim.documents-override'
                and record_id in (:ids) and detail like '%ID_CARD%'""")
                .param("ids", java.util.List.of(String.valueOf(bare.id()), String.valueOf(viaConsole.id())))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(claims.details(reviewer, bare.id()).timeline()).extracting(ClaimEventView::kind)
                .contains("documents-overridden", "approved");
    }
}

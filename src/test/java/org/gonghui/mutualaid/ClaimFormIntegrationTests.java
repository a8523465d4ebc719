package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without script the claim form still shows only the chosen plan's fields: the server renders the other plans'
 * fields hidden and disabled (never sent, never required), and the disease list only for a fixed-sum plan.
 */
@IntegrationTest
class ClaimFormIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired MutualAidScenario scenario;

    CurrentUser member;

    @BeforeEach
    void aMemberInTheInpatientAndTheSeriousDiseasePlans() {
        OrganisationView unit = scenario.newUnit("NB-HS-T01");
        List<MemberView> staff = scenario.hire(unit, 1, MemberType.IN_SERVICE);
        for (String project : List.of(ReferenceRules.INPATIENT, ReferenceRules.SERIOUS)) {
            UnitEnrolmentResult result = scenario.enrolments.enrolUnit(scenario.admin(),
                    scenario.request(unit, project, 1), scenario.rows(staff));
            assertThat(result.succeeded()).as(result.problems().toString()).isTrue();
        }
        member = MutualAidScenario.self(staff.get(0));
    }

    @Test
    void anInpatientClaimHasStayDatesAndNoDiseaseList() throws Exception {
        String page = form(ReferenceRules.INPATIENT);
        assertThat(fieldset(page, "data-gh-kind=\"INPATIENT\"")).doesNotContain(" hidden", " disabled").contains("name=\"endDate\"");
        assertThat(fieldset(page, "data-gh-kind=\"FIXED_SUM\"")).contains(" hidden", " disabled");
        assertThat(fieldset(page, "data-gh-project=\"SERIOUS\"")).contains(" hidden", " disabled", "name=\"disease\"");
        assertThat(page).contains("name=\"project\" id=\"chosen-project\" value=\"INPATIENT\"", "医疗费总额", "统筹基金支付",
                "个人自付", "不含“个人自费”");
    }

    @Test
    void aSeriousDiseaseClaimHasTheDiagnosisDayAndOnlyThatPlansDiseases() throws Exception {
        String page = form(ReferenceRules.SERIOUS);
        assertThat(fieldset(page, "data-gh-kind=\"INPATIENT\"")).contains(" hidden", " disabled");
        String diseases = fieldset(page, "data-gh-project=\"SERIOUS\"");
        assertThat(diseases).doesNotContain(" hidden", " disabled");
        for (String disease : ReferenceRules.SERIOUS_DISEASES) {
            assertThat(diseases).contains("value=\"" + disease + "\"");
        }
        for (String disease : ReferenceRules.WOMEN_DISEASES) {
            assertThat(page).doesNotContain("value=\"" + disease + "\"");
        }
    }

    @Test
    void aPlanTheMemberIsNotInFallsBackToTheirFirstPlan() throws Exception {
        assertThat(form("WOMEN")).containsPattern("id=\"chosen-project\" value=\"(INPATIENT|SERIOUS)\"");
    }

    private String form(String project) throws Exception {
        return mvc.perform(get("/me/mutual-aid/claims/new").param("project", project).with(Fixtures.as(member)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The opening tag and content of the fieldset with this attribute. */
    private static String fieldset(String page, String attribute) {
        Matcher m = Pattern.compile("<fieldset[^>]*" + Pattern.quote(attribute) + "[^>]*>.*?</fieldset>", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as(attribute).isTrue();
        return m.group();
    }
}

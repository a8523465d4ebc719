package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Members and staff never read an internal code: disease names, document types, statuses, projects and
 * benefit kinds are localised on every page, in problem details, in texts and in explanation lines, and
 * amounts read "3,000.00 元". A second claim for a special disease already claimed this year is refused at
 * submission with the reason, by name.
 */
@IntegrationTest
class MutualAidTextsIntegrationTests {

    /** Every code the module has, as a member or staff could meet it. */
    private static final Set<String> CODES = codes();
    private static final Pattern ENUM_LIKE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z]+)+\\b|\\b[A-Z]{4,}\\b");

    @Autowired
    MockMvc mvc;
    @Autowired
    MutualAidScenario scenario;
    @Autowired
    Claims claims;
    @Autowired
    ClaimReview review;
    @Autowired
    MemberNotifications notifications;
    @Autowired
    org.gonghui.account.LoggingSmsSender sms;

    private static Set<String> codes() {
        List<String> all = new ArrayList<>();
        Stream.of(ClaimStatus.values()).map(Enum::name).forEach(all::add);
        Stream.of(DocumentType.values()).map(Enum::name).forEach(all::add);
        Stream.of(BenefitKind.values()).map(Enum::name).forEach(all::add);
        all.addAll(ReferenceRules.SERIOUS_DISEASES);
        all.addAll(ReferenceRules.WOMEN_DISEASES);
        all.addAll(List.of(ReferenceRules.INPATIENT, ReferenceRules.RETIREE, ReferenceRules.SERIOUS, ReferenceRules.WOMEN));
        return Set.copyOf(all);
    }

    /** The text a person reads: tags, attribute values and comments dropped. */
    private static String visible(String html) {
        return html.replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]*>", " ");
    }

    private static void assertNoCodes(String where, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = ENUM_LIKE.matcher(text);
        while (matcher.find()) {
            if (CODES.contains(matcher.group()) || matcher.group().contains("_")) {
                found.add(matcher.group());
            }
        }
        assertThat(found).as(where + " shows internal codes").isEmpty();
    }

    private String page(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return visible(mvc.perform(request.with(Fixtures.as(user))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MemberView enrolledInSeriousDiseasePlan() {
        OrganisationView unit = scenario.newUnit("NB-HS-T01");
        List<MemberView> staff = scenario.hire(unit, 1, MemberType.IN_SERVICE);
        UnitEnrolmentResult result = scenario.enrolments.enrolUnit(scenario.admin(),
                scenario.request(unit, ReferenceRules.SERIOUS, 1), scenario.rows(staff));
        assertThat(result.succeeded()).as(String.valueOf(result.problems())).isTrue();
        return staff.get(0);
    }

    private static ClaimForm diagnosis(LocalDate on, String disease) {
        return new ClaimForm(ReferenceRules.SERIOUS, "宁波市第一医院", on, on, "确诊", disease, Money.of(50000),
                Money.of(20000), Money.of(30000), Fixtures.unique("INV"));
    }

    @Test
    void aSecondClaimForASpecialDiseaseAlreadyClaimedIsRefusedAtSubmissionByName() throws Exception {
        LocalDate diagnosed = PlatformZone.today().minusDays(3);
        assumeTrue(!diagnosed.isBefore(scenario.year().start().plusDays(90)), "past the 90-day waiting period");
        MemberView member = enrolledInSeriousDiseasePlan();
        CurrentUser self = MutualAidScenario.self(member);
        ClaimView first = claims.submit(self, member.id(), diagnosis(diagnosed, "MALIGNANT_TUMOUR"));
        assertThat(first.computedAmount()).isEqualTo(Money.of(10000));

        assertThatThrownBy(() -> claims.submit(self, member.id(), diagnosis(diagnosed, "MALIGNANT_TUMOUR")))
                .isInstanceOf(DomainException.class).hasMessageContaining("mutualaid.rule.disease-already-claimed");
        String problem = mvc.perform(post("/api/v1/mutual-aid/me/claims").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"project":"SERIOUS","hospital":"宁波市第一医院","eventDate":"%s","endDate":"%s",
                                 "diagnosis":"确诊","disease":"MALIGNANT_TUMOUR","totalCost":50000,"insurancePaid":20000,
                                 "selfPaid":30000,"invoiceNo":"%s"}""".formatted(diagnosed, diagnosed, Fixtures.unique("INV")))
                        .with(Fixtures.as(self)))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(problem).contains("恶性肿瘤", "disease-already-claimed");
        assertNoCodes("problem detail", problem.replaceAll("\"(code|instance)\":\"[^\"]*\"", ""));
        String form = page(post("/me/mutual-aid/claims").with(csrf()).param("project", "SERIOUS")
                .param("hospital", "宁波市第一医院").param("eventDate", diagnosed.toString())
                .param("endDate", diagnosed.toString()).param("diagnosis", "确诊").param("disease", "MALIGNANT_TUMOUR")
                .param("totalCost", "50000").param("insurancePaid", "20000").param("selfPaid", "30000")
                .param("invoiceNo", Fixtures.unique("INV")), self);
        assertThat(form).contains("本保障年度已申请过恶性肿瘤的理赔");
        assertThat(claims.mine(self)).hasSize(1);

        review.reject(scenario.admin(), first.id(), null, "病理报告不符");
        assertThat(claims.submit(self, member.id(), diagnosis(diagnosed, "MALIGNANT_TUMOUR")).computedAmount())
                .as("a rejected claim does not count").isEqualTo(Money.of(10000));
    }

    @Test
    void pagesProblemDetailsTextsAndExplanationsNameEverythingAndShowYuan() throws Exception {
        LocalDate diagnosed = PlatformZone.today().minusDays(3);
        assumeTrue(!diagnosed.isBefore(scenario.year().start().plusDays(90)), "past the 90-day waiting period");
        MemberView member = enrolledInSeriousDiseasePlan();
        CurrentUser self = MutualAidScenario.self(member);
        CurrentUser reviewer = scenario.admin();
        ClaimView disease = claims.submit(self, member.id(), diagnosis(diagnosed, "MALIGNANT_TUMOUR"));
        review.accept(reviewer, disease.id(), null);
        review.requestDocuments(reviewer, disease.id(), null, List.of(DocumentType.PATHOLOGY_REPORT,
                DocumentType.EMPLOYER_CERTIFICATE), "请补交", null);
        MemberView inpatient = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimView stay = scenario.submitComplete(inpatient, "3000");
        review.accept(reviewer, stay.id(), null);
        review.adjust(reviewer, stay.id(), null, Money.of(2500), "核减 ID_CARD 以外的费用");

        String memberClaim = page(get("/me/mutual-aid/claims/{id}", disease.id()), self);
        assertThat(memberClaim).contains("恶性肿瘤", "10,000.00 元", "单位证明");
        assertNoCodes("member's claim page", memberClaim);
        assertNoCodes("member's mutual-aid home", page(get("/me/mutual-aid"), self));
        String stayPage = page(get("/me/mutual-aid/claims/{id}", stay.id()), MutualAidScenario.self(inpatient));
        assertThat(stayPage).contains("2,400.00 元", "200.00 元", "暂估");
        assertNoCodes("member's stay page", stayPage.replace("核减 ID_CARD 以外的费用", ""));
        String review = page(get("/console/mutual-aid/claims/{id}", disease.id()), reviewer);
        assertThat(review).contains("恶性肿瘤", "50,000.00 元", "暂估");
        assertNoCodes("review page", review);
        assertNoCodes("stay review page", page(get("/console/mutual-aid/claims/{id}", stay.id()), reviewer)
                .replace("核减 ID_CARD 以外的费用", ""));
        assertNoCodes("queue", page(get("/console/mutual-aid/claims"), reviewer));

        String refusal = mvc.perform(post("/api/v1/mutual-aid/claims/{id}/accept", disease.id()).header("Accept-Language", "en")
                        .with(Fixtures.as(reviewer)))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refusal).contains("Awaiting documents");
        assertNoCodes("illegal move problem", refusal.replaceAll("\"(code|instance)\":\"[^\"]*\"", ""));

        String phone = scenario.members.revealOwn(member.id(), PersonalField.PHONE);
        assertThat(sms.lastTo(phone)).hasValueSatisfying(text -> {
            assertThat(text).contains("病理报告", "单位证明");
            assertNoCodes("documents text", text);
        });
        notifications.on(new ClaimPaid(stay.id(), member.id(), new java.math.BigDecimal("12345.6"), PlatformZone.today()));
        assertThat(sms.lastTo(phone)).hasValueSatisfying(text -> assertThat(text).contains("12,345.60 元"));
    }
}

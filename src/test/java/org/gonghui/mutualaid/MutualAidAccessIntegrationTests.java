package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.Sheets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Scope and privacy through every door: a Haishu reviewer cannot open a Jiangbei claim or its documents,
 * by page or by API; a member cannot open another member's claim; every look at a document is logged;
 * bad uploads are refused with a clear reason.
 */
@IntegrationTest
class MutualAidAccessIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    MutualAidScenario scenario;
    @Autowired
    Claims claims;
    @Autowired
    JdbcClient jdbc;

    private MemberView jiangbeiMember;
    private ClaimView jiangbeiClaim;
    private DocumentView jiangbeiDocument;

    @BeforeEach
    void claimInJiangbei() {
        jiangbeiMember = scenario.enrolledStaff("NB-JB-T01", 1).get(0);
        jiangbeiClaim = scenario.submit(jiangbeiMember, "5000");
        jiangbeiDocument = claims.upload(MutualAidScenario.self(jiangbeiMember), jiangbeiClaim.id(), DocumentType.INVOICE,
                BytesFile.png("invoice.png"));
    }

    @Test
    void haishuReviewerCannotOpenJiangbeiClaimOrItsDocumentsByPageOrApi() throws Exception {
        CurrentUser haishu = scenario.reviewer("NB-HS");
        long id = jiangbeiClaim.id();
        long doc = jiangbeiDocument.id();

        mvc.perform(get("/console/mutual-aid/claims/{id}", id).with(Fixtures.as(haishu))).andExpect(status().isNotFound());
        mvc.perform(get("/console/mutual-aid/claims/{id}/documents/{doc}", id, doc).with(Fixtures.as(haishu)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/mutual-aid/claims/{id}/approve", id).with(Fixtures.as(haishu)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/mutual-aid/claims/{id}", id).with(Fixtures.as(haishu))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("mutualaid.claim.not-found"));
        mvc.perform(get("/api/v1/mutual-aid/claims/{id}/documents/{doc}", id, doc).with(Fixtures.as(haishu)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/mutual-aid/claims/{id}/accept", id).with(Fixtures.as(haishu)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/mutual-aid/claims").with(Fixtures.as(haishu))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(jiangbeiClaim.claimNo()))));

        CurrentUser jiangbei = scenario.reviewer("NB-JB");
        mvc.perform(get("/console/mutual-aid/claims/{id}", id).with(Fixtures.as(jiangbei))).andExpect(status().isOk())
                .andExpect(content().string(containsString(jiangbeiClaim.claimNo())));
        mvc.perform(get("/console/mutual-aid/claims").with(Fixtures.as(jiangbei))).andExpect(status().isOk())
                .andExpect(content().string(containsString(jiangbeiClaim.claimNo())));
    }

    @Test
    void consoleActionsOnAnotherDistrictsClaimOrUnitAnswerNotFound() throws Exception {
        CurrentUser haishuAdmin = Fixtures.staffAt(scenario.org("NB-HS"), Role.ADMIN, Role.STAFF, Role.REVIEWER);
        mvc.perform(post("/console/mutual-aid/claims/{id}/retry", jiangbeiClaim.id()).param("batch", "1")
                        .with(Fixtures.as(haishuAdmin)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/mutual-aid/claims/{id}/retry", jiangbeiClaim.id()).param("batch", "1")
                        .with(Fixtures.as(scenario.admin())).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("error"));

        OrganisationView unit = scenario.newUnit("NB-JB-T01");
        List<MemberView> staff = scenario.hire(unit, 2, MemberType.IN_SERVICE);
        UnitEnrolmentResult enrolled = scenario.enrolments.enrolUnit(scenario.admin(),
                scenario.request(unit, ReferenceRules.INPATIENT, 2), scenario.rows(staff));
        MemberView hire = scenario.hire(unit, 1, MemberType.IN_SERVICE).get(0);
        MockMultipartFile sheet = Sheets.xlsx(List.of("姓名", "身份证号"), scenario.rows(List.of(hire)).stream()
                .map(r -> List.<Object>of(r.name(), r.idNumber())).collect(java.util.stream.Collectors.<List<?>>toList()));
        mvc.perform(multipart("/console/mutual-aid/units/{id}/new-hires", enrolled.unitId()).file(sheet)
                        .param("year", String.valueOf(scenario.year().startYear()))
                        .param("paidOn", scenario.paidOn().toString())
                        .with(Fixtures.as(scenario.reviewer("NB-HS"))).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(scenario.enrolments.ofMember(hire.id())).isEmpty();
    }

    @Test
    void memberCannotOpenAnotherMembersClaim() throws Exception {
        MemberView other = scenario.enrolledStaff("NB-JB-T01", 1).get(0);
        CurrentUser intruder = MutualAidScenario.self(other);
        long id = jiangbeiClaim.id();

        mvc.perform(get("/me/mutual-aid/claims/{id}", id).with(Fixtures.as(intruder))).andExpect(status().isNotFound());
        mvc.perform(get("/me/mutual-aid/claims/{id}/documents/{doc}", id, jiangbeiDocument.id())
                .with(Fixtures.as(intruder))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/mutual-aid/claims/{id}", id).with(Fixtures.as(intruder))).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/mutual-aid/claims/{id}/documents", id).file(png("x.png")).param("type", "OTHER")
                .with(Fixtures.as(intruder))).andExpect(status().isNotFound());
        mvc.perform(get("/console/mutual-aid/claims/{id}", id).with(Fixtures.as(intruder))).andExpect(redirectedUrl("/"));

        CurrentUser owner = MutualAidScenario.self(jiangbeiMember);
        mvc.perform(get("/me/mutual-aid/claims/{id}", id).with(Fixtures.as(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString(jiangbeiClaim.claimNo())));
        mvc.perform(get("/me/mutual-aid/claims/{id}/documents/{doc}", id, jiangbeiDocument.id()).with(Fixtures.as(owner)))
                .andExpect(status().isOk()).andExpect(content().contentType("image/png"));
    }

    @Test
    void everyLookAtADocumentIsAuditLogged() throws Exception {
        CurrentUser jiangbei = scenario.reviewer("NB-JB");
        long before = views();
        mvc.perform(get("/console/mutual-aid/claims/{id}/documents/{doc}", jiangbeiClaim.id(), jiangbeiDocument.id())
                .with(Fixtures.as(jiangbei))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/mutual-aid/claims/{id}/documents/{doc}", jiangbeiClaim.id(), jiangbeiDocument.id())
                .with(Fixtures.as(MutualAidScenario.self(jiangbeiMember)))).andExpect(status().isOk());
        assertThat(views()).isEqualTo(before + 2);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'mutualaid.document.view' and actor = :a")
                .param("a", jiangbei.getUsername()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesRenamedExecutableEmptyAndHugeUploads() throws Exception {
        CurrentUser owner = MutualAidScenario.self(jiangbeiMember);
        long id = jiangbeiClaim.id();
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] huge = new byte[100 * 1024 * 1024];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;

        mvc.perform(multipart("/api/v1/mutual-aid/claims/{id}/documents", id)
                        .file(new MockMultipartFile("file", "invoice.jpg", "image/jpeg", exe)).param("type", "INVOICE")
                        .with(Fixtures.as(owner)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("mutualaid.document.unsupported"));
        mvc.perform(multipart("/api/v1/mutual-aid/claims/{id}/documents", id)
                        .file(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0])).param("type", "INVOICE")
                        .with(Fixtures.as(owner)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("upload.empty"));
        mvc.perform(multipart("/api/v1/mutual-aid/claims/{id}/documents", id)
                        .file(new MockMultipartFile("file", "huge.jpg", "image/jpeg", huge)).param("type", "INVOICE")
                        .with(Fixtures.as(owner)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("upload.too-large"));
        mvc.perform(multipart("/me/mutual-aid/claims/{id}/documents", id)
                        .file(new MockMultipartFile("file", "setup.pdf", "application/pdf", exe)).param("type", "INVOICE")
                        .with(Fixtures.as(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", containsString("PDF")));
        assertThat(claims.details(owner, id).documents()).hasSize(1);
    }

    @Test
    void memberSubmitsThroughTheApiAndSeesTheExplanation() throws Exception {
        MemberView member = scenario.enrolledStaff("NB-HS-T01", 1).get(0);
        ClaimForm form = scenario.stay("6000");
        String body = """
                {"project":"INPATIENT","hospital":"宁波市第一医院","eventDate":"%s","endDate":"%s","diagnosis":"肺炎",
                 "totalCost":12000,"insurancePaid":6000,"selfPaid":6000,"invoiceNo":"%s"}"""
                .formatted(form.eventDate(), form.endDate(), form.invoiceNo());

        mvc.perform(post("/api/v1/mutual-aid/me/claims").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(Fixtures.as(MutualAidScenario.self(member))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.computedAmount").value(2900.0))
                .andExpect(jsonPath("$.explanation[0].code").value("below-threshold"));
        mvc.perform(post("/api/v1/mutual-aid/me/claims").contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Accept-Language", "en").with(Fixtures.as(MutualAidScenario.self(member))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("already claimed")));
        mvc.perform(get("/me/mutual-aid").with(Fixtures.as(MutualAidScenario.self(member)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("在职职工住院医疗互助")))
                .andExpect(content().string(containsString("MA" + scenario.year().startYear() + "-")));
    }

    @Test
    void consolePagesRender() throws Exception {
        CurrentUser admin = scenario.admin();
        for (String page : new String[] {"/console/mutual-aid/claims", "/console/mutual-aid/units",
                "/console/payments?programme=MUTUAL_AID", "/console/mutual-aid/fund", "/console/mutual-aid/plans",
                "/console/mutual-aid/claims?status=APPROVED&minAge=0"}) {
            mvc.perform(get(page).with(Fixtures.as(admin))).andExpect(status().isOk());
        }
        mvc.perform(get("/console/mutual-aid/claims/{id}", jiangbeiClaim.id()).with(Fixtures.as(admin)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2,400.00 元")));
        mvc.perform(get("/console/mutual-aid/claims/export").with(Fixtures.as(admin))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/mutual-aid/fund").with(Fixtures.as(admin))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].balanced").value(true));
        mvc.perform(get("/console/mutual-aid/payouts").with(Fixtures.as(admin)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/console/payments?programme=MUTUAL_AID"));
        mvc.perform(post("/console/payments/batches").param("programme", "MUTUAL_AID")
                        .with(Fixtures.as(scenario.reviewer("NB-HS"))).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void adminPublishesNextYearsRulesAsConfiguration() throws Exception {
        String plan = """
                {"project":"INPATIENT","name":"在职职工住院医疗互助","coverYear":{"startYear":2031},"kind":"INPATIENT",
                 "eligibility":{"memberTypes":["IN_SERVICE","MIGRANT"],"maxAge":null,"gender":null,"healthDeclaration":false},
                 "contributionPerShare":70,"maxShares":1,"waitingDays":0,"renewalGraceDays":30,
                 "enrolmentOpens":"2031-03-01","enrolmentCloses":"2032-04-30","claimDeadlineDays":180,
                 "inpatient":{"threshold":3000,"rateBelow":0.85,"rateAbove":0.1,"firstEnrolmentRateBelow":null,
                              "firstStaySubsidy":200,"annualCap":50000},
                 "fixedSum":null,"secondApprovalAbove":5000}""";

        mvc.perform(post("/api/v1/mutual-aid/plans").contentType(MediaType.APPLICATION_JSON).content(plan)
                        .with(Fixtures.as(scenario.reviewer("NB-HS"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/mutual-aid/plans").contentType(MediaType.APPLICATION_JSON).content(plan)
                        .with(Fixtures.as(scenario.admin())))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.rules.contributionPerShare").value(70.0));
        mvc.perform(post("/api/v1/mutual-aid/plans").contentType(MediaType.APPLICATION_JSON)
                        .content(plan.replace("\"rateBelow\":0.85", "\"rateBelow\":1.5")).with(Fixtures.as(scenario.admin())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/mutual-aid/plans").param("year", "2031").with(Fixtures.as(scenario.admin())))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].rules.inpatient.rateBelow").value(0.85))
                .andExpect(jsonPath("$[0].rules.inpatient.annualCap").value(50000.0));
    }

    @Test
    void unitEnrolsFromAnExcelStaffListByPageAndApi() throws Exception {
        org.gonghui.organisation.OrganisationView unit = scenario.newUnit("NB-HS-T01");
        java.util.List<MemberView> staff = scenario.hire(unit, 5, org.gonghui.member.MemberType.IN_SERVICE);
        java.util.List<java.util.List<?>> rows = scenario.rows(staff).stream()
                .map(r -> java.util.List.<Object>of(r.name(), r.idNumber())).collect(java.util.stream.Collectors.toList());
        MockMultipartFile firstFour = org.gonghui.support.Sheets.xlsx(java.util.List.of("姓名", "身份证号"), rows.subList(0, 4));
        MockMultipartFile all = org.gonghui.support.Sheets.xlsx(java.util.List.of("姓名", "身份证号"), rows);
        CurrentUser haishuStaff = scenario.reviewer("NB-HS");

        mvc.perform(multipart("/api/v1/mutual-aid/units").file(firstFour).param("orgId", String.valueOf(unit.id()))
                        .param("project", "INPATIENT").param("year", String.valueOf(scenario.year().startYear()))
                        .param("insuredStaff", "5").param("paidOn", scenario.paidOn().toString())
                        .with(Fixtures.as(haishuStaff)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.problems[0].code").value("mutualaid.enrol.participation"));
        mvc.perform(multipart("/console/mutual-aid/units").file(all).param("orgCode", unit.code())
                        .param("project", "INPATIENT").param("year", String.valueOf(scenario.year().startYear()))
                        .param("insuredStaff", "5").param("paidOn", scenario.paidOn().toString())
                        .with(Fixtures.as(haishuStaff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(scenario.enrolments.ofMember(staff.get(4).id())).singleElement()
                .satisfies(e -> assertThat(e.channel()).isEqualTo("COLLECTIVE"));
        mvc.perform(multipart("/api/v1/mutual-aid/units").file(all).param("orgId", String.valueOf(unit.id()))
                        .param("project", "INPATIENT").param("year", String.valueOf(scenario.year().startYear()))
                        .param("insuredStaff", "5").param("paidOn", scenario.paidOn().toString())
                        .with(Fixtures.as(scenario.reviewer("NB-JB"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/mutual-aid/fund").param("year", "1").with(Fixtures.as(haishuStaff)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void batchApprovalThroughTheApiStaysInTheCallersSubtree() throws Exception {
        CurrentUser haishu = scenario.reviewer("NB-HS");
        scenario.review.accept(scenario.reviewer("NB-JB"), jiangbeiClaim.id(), null);

        mvc.perform(post("/api/v1/mutual-aid/claims/batch-approve").param("project", "INPATIENT")
                        .with(Fixtures.as(haishu)))
                .andExpect(status().isOk());
        assertThat(claims.details(scenario.reviewer("NB-JB"), jiangbeiClaim.id()).claim().status())
                .isEqualTo(ClaimStatus.UNDER_REVIEW);
        mvc.perform(post("/api/v1/mutual-aid/claims/batch-approve").param("project", "INPATIENT")
                        .with(Fixtures.as(MutualAidScenario.self(jiangbeiMember))))
                .andExpect(status().isForbidden());
    }

    private long views() {
        return jdbc.sql("select count(*) from audit_log where action = 'mutualaid.document.view' and record_id = :d")
                .param("d", String.valueOf(jiangbeiDocument.id())).query(Long.class).single();
    }

    private static MockMultipartFile png(String name) {
        BytesFile file = BytesFile.png(name);
        return new MockMultipartFile("file", name, "image/png", file.bytes());
    }
}

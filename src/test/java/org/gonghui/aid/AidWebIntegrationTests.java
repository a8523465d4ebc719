package org.gonghui.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.aid.grant.GrantView;
import org.gonghui.aid.grant.Grants;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The aid pages and API: the member's own data only, staff only their subtree, bad input a 4xx with the reason. */
@IntegrationTest
class AidWebIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Grants grants;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired HardshipApplications hardship;
    @Autowired org.gonghui.hardship.internal.MeansTestData standards;
    @Autowired JdbcClient jdbc;

    AidTestData data;
    OrganisationView point;

    @BeforeEach
    void setUp() {
        data = new AidTestData(members, organisations, hardship, standards);
        point = organisations.create(data.org("NB").treePath(), data.org("NB-HS-T01").id(), OrganisationKind.COMMUNITY,
                Fixtures.unique("页面测试社区"), Fixtures.unique("AIDP-"));
    }

    private static String childId() {
        String first17 = "330203" + "2014" + "0909" + String.format("%03d", (int) (System.nanoTime() % 1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    @Test
    void aMemberAppliesForSchoolAidOnThePortalAndOnlyTheySeeIt() throws Exception {
        MemberView member = data.member(point.code());
        data.inArchive(member);
        RequestPostProcessor self = Fixtures.as(Fixtures.member(member.id()));
        mvc.perform(get("/me/aid").with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"apply-school\"")))
                .andExpect(content().string(containsString("深度困难")));
        mvc.perform(get("/me/aid/school").with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("初中 · ¥2500.00")));
        String child = childId();
        String location = mvc.perform(post("/me/aid/school").with(self).with(csrf()).param("childName", "陈小雨")
                        .param("childIdNumber", child).param("level", "PRIMARY").param("schoolName", "南门小学"))
                .andExpect(redirectedUrlPattern("/me/aid/grants/*")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("2000.00")))
                .andExpect(content().string(not(containsString(child))))
                .andExpect(content().string(containsString(child.substring(14))));
        MemberView other = data.member(point.code());
        mvc.perform(get(location).with(Fixtures.as(Fixtures.member(other.id())))).andExpect(status().isNotFound());
        mvc.perform(post("/me/aid/school").with(self).with(csrf()).param("childName", "陈小雨")
                        .param("childIdNumber", child).param("level", "PRIMARY").param("schoolName", "南门小学"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已申请过金秋助学")));
        mvc.perform(get("/me/aid").with(self).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Autumn school aid")));
        mvc.perform(get("/").with(self)).andExpect(content().string(containsString("data-testid=\"tile-aid\"")));
    }

    @Test
    void staffDecideInTheConsoleAndAnotherDistrictFindsNothing() throws Exception {
        MemberView member = data.member(point.code());
        data.inArchive(member);
        String child = childId();
        GrantView grant = grants.applyForSchoolAid(member.id(), "周小山", child, org.gonghui.aid.grant.SchoolLevel.COLLEGE, "宁波大学");
        var township = Fixtures.as(data.staff("NB-HS-T01"));
        mvc.perform(get("/console/aid").with(township)).andExpect(status().isOk());
        mvc.perform(get("/console/aid/grants").param("status", "APPLIED").with(township)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"grant-" + grant.id() + "\"")));
        mvc.perform(get("/console/aid/grants/" + grant.id()).with(township)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(child))));
        mvc.perform(post("/console/aid/grants/" + grant.id() + "/reveal").with(township).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(child)));
        mvc.perform(post("/console/aid/grants/" + grant.id() + "/check").with(township).with(csrf())
                .param("version", String.valueOf(grant.version()))).andExpect(status().is3xxRedirection());
        assertThat(grants.inScope(data.staff("NB-HS"), grant.id()).status().name()).isEqualTo("CHECKED");

        long exports = jdbc.sql("select count(*) from audit_log where action = 'aid.grant.export'").query(Long.class).single();
        byte[] sheet = mvc.perform(get("/console/aid/grants/export").param("kind", "SCHOOL").with(township))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(sheet)).contains(member.name()).contains(grant.schoolYearLabel()).doesNotContain(child)
                .contains(child.substring(14)).contains("金秋助学");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'aid.grant.export'").query(Long.class).single())
                .isEqualTo(exports + 1);
        byte[] otherDistrict = mvc.perform(get("/console/aid/grants/export").with(Fixtures.as(data.staff("NB-JB"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(otherDistrict)).doesNotContain(member.name());
        var jiangbei = Fixtures.as(data.staff("NB-JB"));
        mvc.perform(get("/console/aid/grants/" + grant.id()).with(jiangbei)).andExpect(status().isNotFound());
        mvc.perform(post("/console/aid/grants/" + grant.id() + "/approve").with(jiangbei).with(csrf())
                .param("version", "1")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/aid/grants/" + grant.id()).with(jiangbei)).andExpect(status().isNotFound());
        String elsewhere = mvc.perform(get("/console/aid").with(Fixtures.as(Fixtures.member(member.id()))))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(elsewhere).as("a member is sent to their own home, not the console").doesNotContain("/console");
    }

    private static String text(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(xlsx))) {
            for (var row : workbook.getSheetAt(0)) {
                for (var cell : row) {
                    text.append(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell)).append('|');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void theApiRefusesBadInputWithTheFieldAndStoresNothing() throws Exception {
        MemberView member = data.member(point.code());
        data.inArchive(member);
        RequestPostProcessor self = Fixtures.as(Fixtures.member(member.id()));
        long before = jdbc.sql("select count(*) from aid_grant").query(Long.class).single();
        mvc.perform(post("/api/v1/aid/me/grants/school").with(self).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"childName\":\"甲\",\"childIdNumber\":\"123\",\"level\":\"PRIMARY\",\"schoolName\":\"小学\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/aid/me/grants/school").with(self).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"childName\":\"甲\",\"childIdNumber\":\"" + childId() + "\",\"level\":5,\"schoolName\":\"小学\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.level").exists());
        mvc.perform(post("/api/v1/aid/me/grants/hardship").with(self).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"LIVING\",\"amount\":\"100\",\"reason\":\"病\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.amount").exists());
        mvc.perform(post("/api/v1/aid/me/grants/hardship").with(self).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"LIVING\",\"amount\":100.001,\"reason\":\"病\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/aid/me/wishes").with(self).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"书包\",\"story\":\"旧了\",\"amount\":9999}"))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/api/v1/aid/me/grants").with(Fixtures.as(data.staff("NB-HS")))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/aid/grants").with(self)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from aid_grant").query(Long.class).single()).isEqualTo(before);

        mvc.perform(post("/api/v1/aid/me/grants/hardship").with(self).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"MEDICAL\",\"amount\":800.00,\"reason\":\"住院自付部分\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.amount").value(800.00));
    }
}

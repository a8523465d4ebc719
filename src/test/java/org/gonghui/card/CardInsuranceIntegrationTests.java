package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.card.CardTestData.member;
import static org.gonghui.card.CardTestData.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gonghui.card.insurance.CardInsurance;
import org.gonghui.card.insurance.PaidBy;
import org.gonghui.card.insurance.PolicyView;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CardInsuranceIntegrationTests {

    private static final int YEAR = 2027;

    @Autowired CardInsurance insurance;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Cards cards;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @BeforeEach
    void inMarch() {
        clock.set(Instant.parse("2027-03-10T02:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private CurrentUser staff(String code) {
        return Fixtures.staffAt(org(organisations, code), Role.STAFF);
    }

    private String idOf(MemberView member) {
        return members.revealOwn(member.id(), PersonalField.ID_NUMBER);
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "list.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMemberEnrolsFromTheCardPageOnceAYearAndSeesTheCertificate() throws Exception {
        MemberView member = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        var self = Fixtures.as(Fixtures.member(member.id()));
        mvc.perform(get("/card").with(self)).andExpect(content().string(containsString("data-testid=\"insurance-enrol\"")));
        String location = mvc.perform(post("/card/insurance").with(self).with(csrf()))
                .andExpect(redirectedUrlPattern("/card/insurance/*")).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("YG2027")))
                .andExpect(content().string(containsString("2027-03-11 — 2027-12-31")))
                .andExpect(content().string(containsString(org.gonghui.shared.crypto.Masking.name(member.name()))))
                .andExpect(content().string(not(containsString(member.name()))));
        mvc.perform(get("/card").with(self)).andExpect(content().string(containsString("data-testid=\"insurance-certificate\"")));
        mvc.perform(post("/card/insurance").with(self).with(csrf()))
                .andExpect(redirectedUrl("/card")).andExpect(flash().attributeExists("error"));
        assertThat(insurance.own(member.id())).singleElement().satisfies(p -> {
            assertThat(p.paidBy()).isEqualTo(PaidBy.MEMBER);
            assertThat(p.premium()).isEqualByComparingTo("10.00");
            assertThat(p.premiumFen()).isEqualTo(1000);
        });
        MemberView other = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        mvc.perform(get(location).with(Fixtures.as(Fixtures.member(other.id())))).andExpect(status().isNotFound());
        MemberView noCard = member(members, organisations, "NB-HS-T01-E1", null);
        assertThatThrownBy(() -> insurance.enrolSelf(noCard.id(), YEAR)).hasMessageContaining("card.insurance.no-card");
        assertThatThrownBy(() -> insurance.enrolSelf(other.id(), YEAR + 1)).hasMessageContaining("card.insurance.year.closed");
    }

    @Test
    void theUnitEnrolsSinglyAndByAListThatIsAllOrNothing() {
        MemberView a = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        MemberView b = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        MemberView noCard = member(members, organisations, "NB-HS-T01-E1", null);
        MemberView jiangbei = member(members, organisations, "NB-JB-T01-E1", Fixtures.newCardNumber());
        PolicyView single = insurance.enrolMember(staff("NB-HS"), idOf(a), a.name(), YEAR);
        assertThat(single.paidBy()).isEqualTo(PaidBy.UNIT);
        assertThat(single.coverFrom()).hasToString("2027-03-11");
        assertThatThrownBy(() -> insurance.enrolMember(staff("NB-HS"), idOf(a), a.name(), YEAR))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> insurance.enrolMember(staff("NB-HS"), idOf(jiangbei), jiangbei.name(), YEAR))
                .isInstanceOf(DomainException.class);

        String bad = "身份证号,姓名\n" + idOf(b) + "," + b.name() + "\n" + idOf(noCard) + "," + noCard.name() + "\n"
                + idOf(a) + "," + a.name() + "\n" + idOf(jiangbei) + "," + jiangbei.name() + "\n"
                + idOf(b) + "," + b.name() + "\n";
        ImportReport report = insurance.importList(staff("NB-HS"), csv(bad), YEAR);
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(3, 4, 5, 6);
        assertThat(insurance.own(b.id())).isEmpty();
        ImportReport good = insurance.importList(staff("NB-HS"), csv(idOf(b) + "," + b.name() + "\n"), YEAR);
        assertThat(good.succeeded()).isTrue();
        assertThat(insurance.own(b.id())).singleElement().extracting(PolicyView::paidBy).isEqualTo(PaidBy.UNIT);
    }

    @Test
    void theExportForTheInsurerHasTheYearsPoliciesOfTheSubtreeAndIsAuditLogged() throws Exception {
        MemberView a = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        insurance.enrolSelf(a.id(), YEAR);
        long audits = jdbc.sql("select count(*) from audit_log where action = 'card.insurance.export'").query(Long.class).single();
        byte[] file = mvc.perform(get("/console/card/insurance/export").param("year", "2027")
                        .with(Fixtures.as(staff("NB-HS"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String sheet = text(file);
        assertThat(sheet).contains(idOf(a)).contains(a.name()).contains(cards.current(a.id()).orElseThrow().numberMasked())
                .contains("本人缴费").contains("10.00");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'card.insurance.export'").query(Long.class).single())
                .isEqualTo(audits + 1);
        byte[] other = mvc.perform(get("/api/v1/card/insurance/policies/export").param("year", "2027")
                .with(Fixtures.as(staff("NB-JB")))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(text(other)).doesNotContain(idOf(a));
        mvc.perform(get("/api/v1/card/insurance/policies/export").param("year", "2027")
                .with(Fixtures.as(Fixtures.member(a.id())))).andExpect(status().isForbidden());
        mvc.perform(get("/console/card/insurance").param("year", "2027").with(Fixtures.as(staff("NB-HS"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(a.name())));
    }

    @Test
    void theApiServesTheMemberAndRefusesBadInput() throws Exception {
        MemberView a = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        var self = Fixtures.as(Fixtures.member(a.id()));
        mvc.perform(post("/api/v1/card/insurance/me").with(self)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.year").value(YEAR)).andExpect(jsonPath("$.paidBy").value("MEMBER"));
        mvc.perform(post("/api/v1/card/insurance/me").with(self)).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/card/insurance/me").with(self)).andExpect(jsonPath("$[0].policyNo").exists());
        mvc.perform(post("/api/v1/card/insurance/policies").with(Fixtures.as(staff("NB-HS")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"x\",\"name\":\"y\",\"year\":1800}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/card/insurance/policies").with(Fixtures.as(staff("NB-HS")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"idNumber\":\"" + idOf(a) + "\",\"name\":\"别人\",\"year\":2027}"))
                .andExpect(status().isBadRequest());
    }

    private static String text(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
        }
        return text.toString();
    }
}

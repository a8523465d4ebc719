package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.card.CardTestData.member;
import static org.gonghui.card.CardTestData.org;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gonghui.account.LoggingSmsSender;
import org.gonghui.card.loan.CardLoans;
import org.gonghui.card.loan.LoanApplicationView;
import org.gonghui.card.loan.LoanStatus;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CardLoanIntegrationTests {

    @Autowired CardLoans loans;
    @Autowired Cards cards;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired MockMvc mvc;
    @Autowired TestClock clock;
    @Autowired(required = false) LoggingSmsSender sms;

    @BeforeEach
    void inApril() {
        clock.set(Instant.parse("2027-04-06T02:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MemberView v3Holder(String orgCode) {
        MemberView member = member(members, organisations, orgCode, Fixtures.newCardNumber());
        cards.upgrade(CardTestData.city(organisations), cards.current(member.id()).orElseThrow().id(), null);
        return member;
    }

    private CurrentUser staff(String code) {
        return Fixtures.staffAt(org(organisations, code), Role.STAFF);
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "decisions.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCard3HolderAppliesWithinTheLimitAndA2HolderIsRefused() throws Exception {
        MemberView holder = v3Holder("NB-HS-T01-E1");
        assertThatThrownBy(() -> loans.apply(holder.id(), new BigDecimal("100000.01"), 12, "进货"))
                .hasMessageContaining("card.loan.amount.over-limit");
        assertThatThrownBy(() -> loans.apply(holder.id(), new BigDecimal("5000.001"), 12, "进货"))
                .hasMessageContaining("card.loan.amount.invalid");
        assertThatThrownBy(() -> loans.apply(holder.id(), new BigDecimal("5000"), 0, "进货"))
                .hasMessageContaining("card.loan.term.invalid");
        LoanApplicationView application = loans.apply(holder.id(), new BigDecimal("100000.00"), 24, "开小吃店");
        assertThat(application.status()).isEqualTo(LoanStatus.SUBMITTED);
        assertThat(application.applicationNo()).startsWith("LT");
        assertThatThrownBy(() -> loans.apply(holder.id(), new BigDecimal("1000"), 12, "再借"))
                .hasMessageContaining("card.loan.open");

        MemberView v2 = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        assertThatThrownBy(() -> loans.apply(v2.id(), new BigDecimal("1000"), 12, "进货"))
                .isInstanceOf(DomainException.class).hasMessageContaining("card.loan.needs-v3");
        var v2self = Fixtures.as(Fixtures.member(v2.id()));
        mvc.perform(get("/card/loan").with(v2self)).andExpect(content().string(containsString("data-testid=\"loan-needs-v3\"")));
        mvc.perform(post("/card/loan").param("amount", "1000").param("termMonths", "12").param("purpose", "进货")
                .with(v2self).with(csrf())).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/api/v1/card/loans/me").with(v2self).contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":1000,\"termMonths\":12,\"purpose\":\"进货\"}")).andExpect(status().isConflict());

        MemberView other = v3Holder("NB-HS-T01-E1");
        var self = Fixtures.as(Fixtures.member(other.id()));
        mvc.perform(post("/card/loan").param("amount", "abc").param("termMonths", "12").param("purpose", "进货")
                .with(self).with(csrf())).andExpect(flash().attributeExists("error"));
        mvc.perform(post("/card/loan").param("amount", "20,000.50").param("termMonths", "12").param("purpose", "买车跑运输")
                .with(self).with(csrf())).andExpect(flash().attributeExists("notice"));
        mvc.perform(get("/card/loan").with(self)).andExpect(content().string(containsString("20000.50")));
        mvc.perform(get("/api/v1/card/loans/me").with(self)).andExpect(jsonPath("$[0].status").value("SUBMITTED"));
    }

    @Test
    void staffReferTheirSubtreesApplicationsAndImportTheBanksDecisionsAllOrNothing() throws Exception {
        MemberView a = v3Holder("NB-HS-T01-E1");
        MemberView b = v3Holder("NB-HS-T01-E1");
        MemberView jb = v3Holder("NB-JB-T01-E1");
        LoanApplicationView la = loans.apply(a.id(), new BigDecimal("50000"), 36, "扩大经营");
        LoanApplicationView lb = loans.apply(b.id(), new BigDecimal("8000"), 12, "装修");
        LoanApplicationView lj = loans.apply(jb.id(), new BigDecimal("8000"), 12, "装修");

        byte[] file = mvc.perform(post("/console/card/loans/referrals").with(Fixtures.as(staff("NB-HS"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String sheet = text(file);
        assertThat(sheet).contains(la.applicationNo()).contains(lb.applicationNo())
                .contains(members.revealOwn(a.id(), PersonalField.ID_NUMBER)).doesNotContain(lj.applicationNo());
        assertThat(loans.own(a.id()).get(0).status()).isEqualTo(LoanStatus.REFERRED);
        assertThat(loans.own(jb.id()).get(0).status()).isEqualTo(LoanStatus.SUBMITTED);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(loans.refer(staff("NB-HS"), again)).as("nothing is sent twice").isZero();

        String bad = la.applicationNo() + ",批准,50000,4.35,2027-04-06\n"
                + lj.applicationNo() + ",拒绝,,,2027-04-06\n"          // another district's, and not referred
                + lb.applicationNo() + ",也许,8000,abc,2027-05-01\n";  // decision, date
        ImportReport report = loans.importDecisions(staff("NB-HS"), csv(bad));
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(2, 3);
        assertThat(report.errors().get(1).messages()).hasSize(2);
        assertThat(loans.own(a.id()).get(0).status()).isEqualTo(LoanStatus.REFERRED);

        String good = "申请编号,结果,批准金额,年利率,审批日期\n" + la.applicationNo() + ",批准,45000.00,4.35,2027-04-06\n"
                + lb.applicationNo() + ",拒绝,,,2027/4/6\n";
        mvc.perform(multipart("/api/v1/card/loans/decisions").file(csv(good)).with(Fixtures.as(staff("NB-HS"))))
                .andExpect(status().isOk());
        LoanApplicationView decided = loans.own(a.id()).get(0);
        assertThat(decided.status()).isEqualTo(LoanStatus.APPROVED);
        assertThat(decided.approvedAmount()).isEqualByComparingTo("45000");
        assertThat(decided.annualRate()).isEqualByComparingTo("4.35");
        assertThat(loans.own(b.id()).get(0).status()).isEqualTo(LoanStatus.DECLINED);
        mvc.perform(get("/card/loan").with(Fixtures.as(Fixtures.member(a.id()))))
                .andExpect(content().string(containsString("45000.00")));
        if (sms != null) {
            assertThat(sms.lastTo(members.revealOwn(a.id(), PersonalField.PHONE))).get().asString()
                    .contains(la.applicationNo()).contains("45000.00");
        }
        assertThat(loans.importDecisions(staff("NB-HS"), csv(good)).succeeded()).as("decided only once").isFalse();
        // the member may apply again once decided
        assertThat(loans.apply(b.id(), new BigDecimal("3000"), 6, "再申请").status()).isEqualTo(LoanStatus.SUBMITTED);
    }

    private static String text(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('|')));
        }
        return text.toString();
    }
}

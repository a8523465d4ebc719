package org.gonghui.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.gonghui.account.Accounts;
import org.gonghui.aid.grant.AidKind;
import org.gonghui.aid.grant.Budgets;
import org.gonghui.aid.grant.GrantStatus;
import org.gonghui.aid.grant.GrantView;
import org.gonghui.aid.grant.Grants;
import org.gonghui.aid.grant.SchoolYear;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.Organisations;
import org.gonghui.payment.BatchView;
import org.gonghui.payment.Entitlements;
import org.gonghui.payment.PaymentBatches;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Browser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12's walk: on a phone-sized page a member in the hardship archive applies for school aid, the township
 * (南门街道, {@code nanmen}) checks it in the console, the district (海曙区, {@code haishu}) approves it, and the payment
 * reaches a batch of the payment engine, which the member then sees on the application.
 */
@IntegrationTest
class AidBrowserTests {

    private static final String STAFF_PASSWORD = "Gonghui2026";

    @LocalServerPort int port;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired HardshipApplications hardship;
    @Autowired org.gonghui.hardship.internal.MeansTestData standards;
    @Autowired Budgets budgets;
    @Autowired Grants grants;
    @Autowired Entitlements entitlements;
    @Autowired PaymentBatches batches;
    @Autowired PlatformTime time;

    @Test
    void aMemberAppliesForSchoolAidOnAPhoneTheTownshipChecksTheDistrictApprovesAndItIsPaidInABatch() throws Exception {
        AidTestData data = new AidTestData(members, organisations, hardship, standards);
        MemberView member = data.member("NB-HS-T01-E1");
        data.inArchive(member);
        members.changeBankAccount(member.id(), "6222021234567890" + String.format("%03d", member.id() % 1000));
        accounts.createMemberAccount(member.id(), "Member2026!");
        budgets.set(data.staff("NB-HS"), data.org("NB-HS-T01").id(), AidKind.SCHOOL,
                SchoolYear.applyingOn(time.today()).startYear(), new BigDecimal("100000"));
        String phone = members.revealOwn(member.id(), PersonalField.PHONE);
        String first17 = "330203" + "2012" + "0315" + String.format("%03d", member.id() % 1000);
        String child = first17 + IdNumber.checkCharacter(first17);

        try (Browser browser = Browser.open(port)) {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
            browser.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            browser.find("#member-password").submit();
            browser.find("[data-testid=tiles]");
            browser.click("[data-testid=tile-aid]");
            browser.submit("[data-testid=apply-school]");
            assertThat(browser.text("[data-testid=school-year]")).contains(SchoolYear.applyingOn(time.today()).label());
            browser.type("#childName", "林小溪").type("#childIdNumber", child);
            new org.openqa.selenium.support.ui.Select(browser.find("#level")).selectByValue("SENIOR_HIGH");
            browser.type("#schoolName", "宁波中学");
            browser.submit("[data-testid=submit]");
            assertThat(browser.text("[data-testid=notice]")).contains("已提交");
            assertThat(browser.text("[data-testid=grant-status]")).isEqualTo("已申请，待乡镇（街道）审核");
            assertThat(browser.text("[data-testid=amount]")).isEqualTo("¥3000.00");
            assertThat(browser.text("[data-testid=child-id]")).doesNotContain(child).endsWith(child.substring(14));
            long grantId = Long.parseLong(browser.url().replaceAll(".*/me/aid/grants/(\\d+).*", "$1"));
            assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));

            signIn(browser, "nanmen");
            browser.go("/console/aid/grants?status=APPLIED");
            browser.submit("[data-testid=grant-" + grantId + "]");
            assertThat(browser.text("[data-testid=standing-now]")).isEqualTo("深度困难");
            browser.submit("[data-testid=check]");
            assertThat(browser.text("[data-testid=notice]")).isNotBlank();

            signIn(browser, "haishu");
            browser.go("/console/aid/grants/" + grantId);
            assertThat(browser.text("[data-testid=grant-status]")).isEqualTo("乡镇已审核，待区县审批");
            browser.submit("[data-testid=approve]");
            assertThat(browser.text("[data-testid=grant-status]")).isEqualTo("已批准，待发放");
            GrantView approved = grants.inScope(data.staff("NB-HS"), grantId);
            assertThat(approved.status()).isEqualTo(GrantStatus.APPROVED);
            assertThat(entitlements.find("SCHOOL_AID", "grant:" + grantId)).isPresent();

            BatchView batch = batches.createBatch(Fixtures.staffAt(data.org("NB"), Role.ADMIN, Role.STAFF), "SCHOOL_AID")
                    .orElseThrow();
            assertThat(batches.lines(Fixtures.staffAt(data.org("NB"), Role.ADMIN, Role.STAFF), batch.id()))
                    .anySatisfy(line -> assertThat(line.sourceRef()).isEqualTo("grant:" + grantId));
            browser.go("/console/aid/grants/" + grantId);
            assertThat(browser.text("[data-testid=batch]")).isEqualTo(batch.batchNo());

            browser.driver().manage().deleteAllCookies();
            browser.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            browser.find("#member-password").submit();
            browser.find("[data-testid=tiles]");
            browser.go("/me/aid/grants/" + grantId);
            assertThat(browser.text("[data-testid=grant-status]")).isEqualTo("银行处理中");
            assertThat(browser.text("[data-testid=batch]")).isEqualTo(batch.batchNo());
            assertThat(browser.text("[data-testid=timeline]")).contains("乡镇（街道）审核通过").contains("审批通过")
                    .contains("进入支付批次");
            browser.go("/me/aid");
            assertThat(browser.text("[data-testid=my-payments]")).contains("金秋助学").contains("¥3000.00").contains("银行处理中");
        }
    }

    private static void signIn(Browser browser, String username) {
        browser.driver().manage().deleteAllCookies();
        browser.go("/login").click("#staff-tab-button").type("#username", username).type("#password", STAFF_PASSWORD)
                .click("#staff-submit");
        browser.find("[data-testid=current-user]");
    }
}

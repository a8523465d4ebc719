package org.gonghui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gonghui.account.LoggingSmsSender;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.support.Browser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Real flows in headless Chromium: a district staff member and a member on a phone sign in. */
@IntegrationTest
class SignInBrowserTests {

    @LocalServerPort int port;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired LoggingSmsSender sms;

    @Test
    void districtStaffSignInAndSeeOnlyTheirDistrictsMembers() throws Exception {
        String jiangbeiId = Fixtures.newIdNumber();
        members.register(organisations.findByCode("NB").orElseThrow().treePath(), new NewMember("江北隐身", jiangbeiId,
                null, organisations.findByCode("NB-JB-T01-E1").orElseThrow().id(), MemberType.IN_SERVICE, null, null));
        TreePath haishu = organisations.findByCode("NB-HS").orElseThrow().treePath();
        List<String> expected = members.search(haishu, MemberQuery.all(), 0, 20).items().stream()
                .map(MemberView::orgName).toList();

        try (Browser browser = Browser.open(port)) {
            browser.go("/login").click("#staff-tab-button").type("#username", "haishu")
                    .type("#password", "Gonghui2026").click("#staff-submit");
            browser.find("[data-testid=home-org]");
            assertThat(browser.text("[data-testid=home-org]")).isEqualTo("海曙区总工会");
            browser.go("/console/members");
            List<String> shown = browser.all("[data-testid=member-org]").stream().map(WebElement::getText).toList();
            assertThat(shown).isNotEmpty().isEqualTo(expected);
            browser.type("input[name=q]", jiangbeiId).click("#search");
            // the search is a new page: wait for it, not for the table of the page before
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("q="));
            browser.find("[data-testid=member-table]");
            assertThat(browser.all("[data-testid=member-row]")).isEmpty();
            browser.go("/console/members?orgId=" + organisations.findByCode("NB-JB").orElseThrow().id());
            assertThat(browser.text("[data-testid=problem]")).contains("不在您的管辖范围内");
        }
    }

    @Test
    void aMemberSignsInWithAOneTimeCode() throws Exception {
        String phone = Fixtures.newPhone();
        members.register(organisations.findByCode("NB").orElseThrow().treePath(), new NewMember("手机会员",
                Fixtures.newIdNumber(), phone, organisations.findByCode("NB-HS-T01-C1").orElseThrow().id(),
                MemberType.MIGRANT, null, null));
        try (Browser browser = Browser.open(port)) {
            browser.go("/login").type("#code-phone", phone).click("#send-code");
            browser.waitForText("[data-testid=code-status]", "验证码已发送");
            String code = sms.lastTo(phone).orElseThrow().replaceAll("\\D*(\\d{6}).*", "$1");
            browser.type("#code", code).click("#code-submit");
            assertThat(browser.text("[data-testid=member-name]")).isEqualTo("手机会员");
            assertThat(browser.url()).endsWith(":" + port + "/"); // the member's home page
        }
    }

    @Test
    void aMerchantLandsOnTheMerchantPageAndIsNeverShownAMembersPage() throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.go("/login").click("#staff-tab-button").type("#username", "cinema")
                    .type("#password", "Merchant2026").click("#staff-submit");
            browser.find("#code");
            assertThat(browser.url()).endsWith("/merchant");
            assertThat(browser.all("[data-testid=portal-tabs]")).isEmpty();
            for (String page : List.of("/", "/me", "/me/card", "/me/mutual-aid", "/activities")) {
                browser.go(page);
                browser.find("#code");
                assertThat(browser.url()).as(page).endsWith("/merchant");
                assertThat(browser.all("[data-testid=problem]")).as(page).isEmpty();
            }
        }
    }
}

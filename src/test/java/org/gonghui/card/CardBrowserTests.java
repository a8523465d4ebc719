package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.gonghui.account.Accounts;
import org.gonghui.member.Members;
import org.gonghui.member.MemberView;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.Browser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member opens their card on a phone-sized page and sees the dynamic code; that a new minute brings a new code is
 * shown through the service in {@link CardIntegrationTests} (no movable test clock exists yet), here only that the
 * page shows the image, that it loads, and that reporting the card lost takes the code away.
 */
@IntegrationTest
class CardBrowserTests {

    @LocalServerPort int port;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;

    @Test
    void aMemberShowsTheirDynamicCodeOnThePhoneAndReportsTheCardLost() throws Exception {
        String number = Fixtures.newCardNumber();
        MemberView member = CardTestData.member(members, organisations, "NB-HS-T01-E1", number);
        accounts.createMemberAccount(member.id(), "Member2026!");
        String phone = members.revealOwn(member.id(), PersonalField.PHONE);
        try (Browser browser = Browser.open(port)) {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
            browser.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            browser.find("#member-password").submit();
            browser.find("[data-testid=tiles]");
            browser.go("/me/card"); // the old address still leads to the card
            assertThat(browser.text("[data-testid=card-number]")).isEqualTo("************" + number.substring(12));
            assertThat(browser.text("[data-testid=card-status]")).isEqualTo("正常");
            assertThat(browser.all("[data-testid=card-services] li")).hasSize(10); // the 3.0-only loans are not shown
            browser.find("[data-testid=dynamic-code]");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "var i = document.querySelector('[data-testid=dynamic-code]'); return i.complete && i.naturalWidth > 0;")));
            Number width = (Number) js.executeScript(
                    "return document.querySelector('[data-testid=dynamic-code]').getBoundingClientRect().width;");
            assertThat(width.intValue()).isBetween(200, 375);
            assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));

            browser.type("#reason", "手机壳里掉了").click("[data-testid=report-lost]");
            browser.waitForText("[data-testid=card-status]", "已挂失");
            assertThat(browser.all("[data-testid=dynamic-code]")).isEmpty();
            assertThat(browser.find("[data-testid=no-code]").isDisplayed()).isTrue();
        }
    }
}

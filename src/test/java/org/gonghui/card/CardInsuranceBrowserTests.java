package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.gonghui.account.Accounts;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.Browser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A member enrols in the card's insurance from the card page on a phone and opens the certificate. */
@IntegrationTest
class CardInsuranceBrowserTests {

    @LocalServerPort int port;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMemberEnrolsFromTheCardPageAndSeesTheCertificate() throws Exception {
        clock.set(Instant.parse("2027-03-10T02:00:00Z"));
        MemberView member = CardTestData.member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        accounts.createMemberAccount(member.id(), "Member2026!");
        String phone = members.revealOwn(member.id(), PersonalField.PHONE);
        try (Browser browser = Browser.open(port)) {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
            browser.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            browser.find("#member-password").submit();
            browser.find("[data-testid=tiles]");
            browser.go("/card");
            assertThat(browser.text("[data-testid=insurance-enrol]")).contains("10.00");
            browser.click("[data-testid=insurance-enrol]");
            browser.find("[data-testid=certificate]");
            assertThat(browser.text("[data-testid=policy-no]")).startsWith("YG2027");
            assertThat(browser.text("[data-testid=cover]")).isEqualTo("2027-03-11 — 2027-12-31");
            assertThat(browser.text("[data-testid=insured]")).doesNotContain(member.name());
            browser.go("/card");
            assertThat(browser.text("[data-testid=insurance-certificate]")).contains("2027");
            assertThat(browser.all("[data-testid=insurance-enrol]")).isEmpty();
            assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }
}

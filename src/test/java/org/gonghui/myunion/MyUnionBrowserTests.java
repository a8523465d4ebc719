package org.gonghui.myunion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gonghui.account.Accounts;
import org.gonghui.helpdesk.Outcome;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Browser;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A member opens 我的工会 on a phone-sized page: this year's headline and their entries, newest first. */
@IntegrationTest
class MyUnionBrowserTests {

    @LocalServerPort int port;
    @Autowired Members members;
    @Autowired MyUnionScenario scenario;
    @Autowired Accounts accounts;
    @Autowired MemberRecord record;
    @Autowired PlatformTime time;

    /**
     * A member with an account of their own (not "the last registered at NB-HS-T01-E1": in the whole suite other
     * tests register members there after the demo member, who then is not the last).
     */
    private MemberView memberWithAccount() {
        MemberView member = scenario.member();
        accounts.createMemberAccount(member.id(), PASSWORD);
        return member;
    }

    private static final String PASSWORD = "Member2026!";

    @Test
    void aMemberSeesTheYearsHeadlineAndEntriesOnAPhone() throws Exception {
        MemberView member = memberWithAccount();
        // something of this year for sure, through the help desk's real service
        scenario.askForHelp(member, Outcome.RESOLVED);
        int year = time.today().getYear();
        MemberRecordView expected = record.of(member.id(), year, 0, MemberRecord.PAGE_SIZE);
        String phone = members.revealOwn(member.id(), PersonalField.PHONE);

        try (Browser browser = Browser.open(port)) {
            browser.driver().manage().window().setSize(new Dimension(375, 812));
            browser.go("/login").type("#member-phone", phone).type("#member-password", PASSWORD)
                    .click("form[action$='/login'] button[type=submit]:not(#staff-submit)");
            browser.find("[data-testid=member-name]");
            browser.click("a[href$='/me/record']");
            browser.waitForText("[data-testid=headline]", year + "年，工会为您送上 ¥");
            assertThat(browser.text("[data-testid=headline]"))
                    .contains("¥" + java.math.BigDecimal.valueOf(expected.givenFen(), 2).toPlainString());
            List<String> entries = browser.all("[data-testid=entry]").stream().map(e -> e.getText()).toList();
            assertThat(entries).hasSize(expected.entries().items().size());
            assertThat(entries.get(0)).contains("求助").contains("已办结：已解决");
            assertThat(entries).anyMatch(e -> e.contains("提交求助"));
            Object overflow = ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth");
            assertThat(overflow).as("no sideways scrolling at 375 px").isEqualTo(false);
            assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }
}

package org.gonghui.myunion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gonghui.helpdesk.Outcome;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Browser;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo member opens 我的工会 on a phone-sized page: this year's headline and their entries, newest first. */
@IntegrationTest
class MyUnionBrowserTests {

    @LocalServerPort int port;
    @Autowired Members members;
    @Autowired MyUnionScenario scenario;
    @Autowired MemberRecord record;
    @Autowired PlatformTime time;

    /** The demo member, as the sign-in page lists them: the last registered at NB-HS-T01-E1. */
    private MemberView demoMember() {
        List<MemberView> all = members.search(scenario.org("NB-HS-T01-E1").treePath(), MemberQuery.all(), 0,
                PageResult.MAX_SIZE).items();
        return all.get(all.size() - 1);
    }

    @Test
    void theDemoMemberSeesTheYearsHeadlineAndEntriesOnAPhone() throws Exception {
        MemberView member = demoMember();
        // something of this year for sure, through the help desk's real service
        scenario.askForHelp(member, Outcome.RESOLVED);
        int year = time.today().getYear();
        MemberRecordView expected = record.of(member.id(), year, 0, MemberRecord.PAGE_SIZE);
        String phone = members.revealOwn(member.id(), PersonalField.PHONE);

        try (Browser browser = Browser.open(port)) {
            browser.driver().manage().window().setSize(new Dimension(375, 812));
            browser.go("/login").type("#member-phone", phone).type("#member-password", "Member2026")
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

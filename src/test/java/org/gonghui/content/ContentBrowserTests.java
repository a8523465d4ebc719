package org.gonghui.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.gonghui.account.Accounts;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.PersonalField;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.stats.FigureRefresh;
import org.gonghui.support.Browser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A district's editor writes and publishes an article for the district in the console; a member there finds it on
 * a phone-sized page and reads it; the article's reader count in the console's figures goes from 0 to 1, and once
 * the dashboards' figures are refreshed the district's 数说 dashboard counts one reader more.
 */
@IntegrationTest
class ContentBrowserTests {

    private static final String PASSWORD = "Gonghui2026x";

    @LocalServerPort int port;
    @Autowired Articles articles;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;
    @Autowired FigureRefresh figureRefresh;

    @Test
    void anEditorPublishesToOneDistrictAndAMemberThereReadsItOnAPhone() throws Exception {
        ContentScenario tree = new ContentScenario(organisations, members, articles);
        String editor = Fixtures.unique("editor");
        accounts.createStaff(Fixtures.staffAt(tree.city, Role.ADMIN), editor, "区宣传干事", PASSWORD, tree.district.id(),
                EnumSet.of(Role.STAFF));
        MemberView member = tree.member(tree.townshipA, MemberType.IN_SERVICE);
        accounts.createMemberAccount(member.id(), "Member2026!");
        String phone = members.revealOwn(member.id(), PersonalField.PHONE);
        String title = Fixtures.unique("本区职工健步走报名");

        try (Browser console = Browser.open(port); Browser mobile = Browser.open(port)) {
            console.go("/login").click("#staff-tab-button").type("#username", editor).type("#password", PASSWORD)
                    .click("#staff-submit");
            console.find("[data-testid=current-user]");
            console.go("/console/content/new");
            console.type("#title", title).type("#body", "<p>周六上午在江边健步走，<strong>欢迎报名</strong>。</p>"
                    + "<script>alert('x')</script>");
            console.submit("[data-testid=save-article]");
            assertThat(console.text("[data-testid=article-title]")).isEqualTo(title);
            assertThat(console.find("[data-testid=preview]").getAttribute("innerHTML"))
                    .contains("<strong>欢迎报名</strong>").doesNotContain("script");
            console.submit("[data-testid=submit-article]");
            console.submit("[data-testid=approve-article]");
            assertThat(console.text("[data-testid=article-status]")).isEqualTo("已发布");
            String articlePage = console.url();
            long id = Long.parseLong(articlePage.substring(articlePage.lastIndexOf('/') + 1));

            console.go("/console/content/figures");
            assertThat(console.text("[data-testid=figures-" + id + "] [data-testid=readers]")).isEqualTo("0");
            figureRefresh.refreshRecent();
            long readersBefore = dashboardReaders(console);

            ((ChromeDriver) mobile.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
            mobile.go("/login").type("#member-phone", phone).type("#member-password", "Member2026!");
            mobile.find("#member-password").submit();
            mobile.find("[data-testid=tiles]");
            assertThat(mobile.text("[data-testid=tile-news]")).contains(title);
            mobile.click("[data-testid=tile-news]");
            mobile.find("[data-testid=news-list]");
            mobile.click("a[href='/news/" + id + "']");
            assertThat(mobile.text("[data-testid=article-title]")).isEqualTo(title);
            assertThat(mobile.text("[data-testid=article-body]")).contains("欢迎报名").doesNotContain("alert");
            assertThat(mobile.console()).noneMatch(line -> line.contains("Content Security Policy"));

            console.go("/console/content/figures");
            assertThat(console.text("[data-testid=figures-" + id + "] [data-testid=readers]")).isEqualTo("1");
            figureRefresh.refreshRecent();
            assertThat(dashboardReaders(console)).isEqualTo(readersBefore + 1);
            assertThat(console.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }

    /** The district's dashboard (the editor's own organisation): this year's distinct readers. */
    private static long dashboardReaders(Browser console) {
        console.go("/console/dashboard");
        return Long.parseLong(console.text("tr[data-key='content.readers'] [data-testid=figure-value]").replace(",", ""));
    }
}

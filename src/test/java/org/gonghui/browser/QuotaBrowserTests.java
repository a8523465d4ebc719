package org.gonghui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Set;
import org.gonghui.activity.Activities;
import org.gonghui.activity.ActivityCategory;
import org.gonghui.activity.ActivityForm;
import org.gonghui.activity.ActivityView;
import org.gonghui.activity.AllocationMode;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Browser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** City staff split an activity's places between two districts, see a mistake explained, then release the rest. */
@IntegrationTest
class QuotaBrowserTests {

    @LocalServerPort int port;
    @Autowired Organisations organisations;
    @Autowired Activities activities;

    @Test
    void cityStaffSplitPlacesBetweenDistrictsAndReleaseThem() throws Exception {
        LocalDateTime now = PlatformZone.now();
        ActivityView a = activities.publish(Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.STAFF),
                new ActivityForm(Fixtures.unique("全市游泳培训"), ActivityCategory.TRAINING, "分区名额", null, "市游泳馆", false,
                        AllocationMode.FIRST_COME, 100, now.plusHours(2), now.plusDays(2), now.plusDays(3), 24, Set.of(), null,
                        false, null, null, null, false, false, now.plusDays(4).toLocalDate() + " 14:00 60", false, null));

        try (Browser browser = Browser.open(port)) {
            browser.go("/login").click("#staff-tab-button").type("#username", "admin")
                    .type("#password", "Gonghui2026").click("#staff-submit");
            browser.find("[data-testid=home-org]");
            browser.go("/console/activities/" + a.id());
            browser.click("[data-testid=quota-link]");

            browser.type("[data-testid=quota-lines]", "NB-HS 80\nNB-JB 30").click("[data-testid=save-quotas]");
            assertThat(browser.text("[data-testid=form-error]")).contains("110").contains("100");

            browser.find("[data-testid=quota-lines]").clear();
            browser.type("[data-testid=quota-lines]", "NB-HS 40\nNB-JB 30").click("[data-testid=save-quotas]");
            browser.waitForText("[data-testid=notice]", "名额分配已保存");
            String table = browser.text("[data-testid=quota-uses]");
            assertThat(table).contains("海曙").contains("江北").contains("公共名额池").contains("40").contains("30");
            assertThat(browser.text("[data-testid=quota-release]")).contains("报名截止");

            browser.click("[data-testid=release-now]");
            browser.waitForText("[data-testid=notice]", "未用名额已放回");
            assertThat(browser.text("[data-testid=quota-release]")).contains("已放回");
        }
    }
}

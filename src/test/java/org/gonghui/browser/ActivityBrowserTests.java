package org.gonghui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Set;
import org.gonghui.account.Accounts;
import org.gonghui.activity.Activities;
import org.gonghui.activity.ActivityCategory;
import org.gonghui.activity.ActivityForm;
import org.gonghui.activity.ActivityView;
import org.gonghui.activity.AllocationMode;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Browser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A member on a phone-sized page signs in, finds an activity, registers and gets a QR code; then cancels. */
@IntegrationTest
class ActivityBrowserTests {

    @LocalServerPort int port;
    @Autowired Members members;
    @Autowired Accounts accounts;
    @Autowired Organisations organisations;
    @Autowired Activities activities;

    @Test
    void aMemberRegistersForAnActivityAndSeesTheirQrCode() throws Exception {
        String phone = Fixtures.newPhone();
        var root = organisations.findByCode("NB").orElseThrow();
        long member = members.register(root.treePath(), new NewMember("浏览器会员", Fixtures.newIdNumber(), phone,
                organisations.findByCode("NB-HS-T01-C1").orElseThrow().id(), MemberType.IN_SERVICE, null, null)).id();
        accounts.createMemberAccount(member, "Browser2026");
        LocalDateTime now = PlatformZone.now();
        ActivityView a = activities.publish(Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF),
                new ActivityForm("浏览器射箭体验", ActivityCategory.CULTURE_SPORT, "射箭馆体验课", null, "海曙射箭馆", false,
                        AllocationMode.FIRST_COME, 10, now.minusHours(1), now.plusDays(2), now.plusDays(3), 24, Set.of(), null,
                        false, null, null, null, false, false, now.plusDays(4).toLocalDate() + " 14:00 60", false, null));

        try (Browser browser = Browser.open(port)) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(400, 860));
            browser.go("/login").type("#member-phone", phone).type("#member-password", "Browser2026")
                    .click("form[action$='/login'] button[type=submit]:not(#staff-submit)");
            browser.find("[data-testid=member-name]");
            browser.go("/activities");
            browser.find("[data-testid=activity-card]");
            browser.go("/activities/" + a.id());
            assertThat(browser.text("[data-testid=activity-title]")).isEqualTo("浏览器射箭体验");
            browser.click("[data-testid=register]");
            browser.waitForText("[data-testid=registration-status]", "报名成功");
            assertThat(browser.text("[data-testid=notice]")).contains("报名成功");
            assertThat(browser.all("[data-testid=qr] svg")).hasSize(1);
            String code = browser.text("[data-testid=check-in-code]");
            assertThat(code).matches("[2-9A-Z]{12}");

            browser.go("/me/activities");
            assertThat(browser.text("[data-testid=my-registrations]")).contains("浏览器射箭体验");
            browser.click("[data-testid=my-registration-row]");
            browser.click("[data-testid=cancel]");
            browser.waitForText("[data-testid=registration-status]", "已取消");
        }
    }
}

package org.gonghui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gonghui.account.Accounts;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.Browser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pages work under the Content-Security-Policy: walked in headless Chromium as staff, as a member and in
 * Swagger UI, the browser console reports no violation (a blocked inline script, style or handler would be one).
 */
@IntegrationTest
class ContentSecurityPolicyBrowserTests {

    @LocalServerPort int port;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;

    private static List<String> violations(List<String> console) {
        return console.stream().filter(line -> line.contains("Content Security Policy")
                || line.contains("Content-Security-Policy")).toList();
    }

    @Test
    void staffAndMemberPagesAndSwaggerUiLoadWithoutAViolation() throws Exception {
        String phone = Fixtures.newPhone();
        MemberView member = members.register(organisations.findByCode("NB").orElseThrow().treePath(), new NewMember(
                "策略会员", Fixtures.newIdNumber(), phone, organisations.findByCode("NB-HS-T01-E1").orElseThrow().id(),
                MemberType.IN_SERVICE, null, null));
        accounts.createMemberAccount(member.id(), "Member2026csp");
        List<String> console = new ArrayList<>();
        try (Browser browser = Browser.open(port)) {
            browser.go("/login").click("#staff-tab-button").type("#username", "admin")
                    .type("#password", "Gonghui2026").click("#staff-submit");
            browser.find("[data-testid=home-org]");
            for (String page : List.of("/console", "/console/organisations", "/console/members",
                    "/console/members/" + member.id(), "/console/activities", "/console/accounts",
                    "/console/mutual-aid/claims", "/console/audit", "/console/no-such-page")) {
                browser.go(page).find("body");
                console.addAll(browser.console());
            }
            browser.go("/swagger-ui/index.html").find(".swagger-ui .info");
            console.addAll(browser.console());
        }
        try (Browser browser = Browser.open(port)) {
            browser.go("/login").type("#member-phone", phone).type("#member-password", "Member2026csp");
            browser.find("#member-password").submit();
            browser.find(".gh-portal-header");
            for (String page : List.of("/", "/me", "/activities", "/me/card", "/me/mutual-aid")) {
                browser.go(page).find("body");
                console.addAll(browser.console());
            }
        }
        assertThat(violations(console)).isEmpty();
    }
}

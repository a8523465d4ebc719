package org.gonghui.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every kind of account lands on its own home after sign-in and, opening a page meant for another kind, is sent
 * there rather than shown a refusal under someone else's navigation (a merchant never sees a member's tab bar).
 */
@IntegrationTest
class RoleNavigationIntegrationTests {

    private static final List<String> MEMBER_PAGES = List.of("/", "/me", "/me/card", "/me/mutual-aid",
            "/me/mutual-aid/claims/new", "/me/activities", "/activities", "/activities/welfare");

    @Autowired MockMvc mvc;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;

    @Test
    void aMerchantLandsOnTheMerchantPageAndIsSentBackThereFromMemberAndStaffPages() throws Exception {
        MockHttpSession merchant = signIn("cinema", "Merchant2026", "/merchant");
        mvc.perform(get("/merchant").session(merchant)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"portal-tabs\""))))
                .andExpect(content().string(not(containsString("href=\"/me\""))))
                .andExpect(content().string(not(containsString("href=\"/me/"))))
                .andExpect(content().string(containsString("href=\"/merchant/card\""))); // its own tabs only
        for (String page : MEMBER_PAGES) {
            mvc.perform(get(page).session(merchant).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/merchant"));
        }
        mvc.perform(get("/console/members").session(merchant)).andExpect(redirectedUrl("/merchant"));
        // a form post is refused, not redirected
        mvc.perform(post("/me/password").session(merchant).with(csrf()).param("newPassword", "Whatever2026"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMemberLandsOnTheHomePageWithATileForEveryService() throws Exception {
        String phone = Fixtures.newPhone();
        MemberView member = members.register(organisations.findByCode("NB").orElseThrow().treePath(),
                new NewMember("首页会员", Fixtures.newIdNumber(), phone,
                        organisations.findByCode("NB-HS-T01-E1").orElseThrow().id(), MemberType.MIGRANT, null, null));
        accounts.createMemberAccount(member.id(), "Member2026home");
        MockHttpSession session = signIn(phone, "Member2026home", "/");
        mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"member-name\">首页会员<")))
                .andExpect(content().string(containsString("data-testid=\"portal-tabs\"")))
                .andExpect(content().string(org.hamcrest.Matchers.stringContainsInOrder("tile-activities",
                        "href=\"/activities/welfare\"", "tile-mine", "href=\"/me/mutual-aid\"", "tile-card", "tile-profile")));
        mvc.perform(get("/console/members").session(session)).andExpect(redirectedUrl("/"));
        mvc.perform(get("/merchant").session(session)).andExpect(redirectedUrl("/"));
    }

    @Test
    void staffAreSentToTheConsoleFromMemberAndMerchantPagesButRefusedPagesAboveTheirRole() throws Exception {
        var staff = Fixtures.as(Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF));
        for (String page : MEMBER_PAGES) {
            if (!page.startsWith("/activities")) { // staff look at activities in the console: their own redirect
                mvc.perform(get(page).with(staff)).andExpect(redirectedUrl("/console"));
            }
        }
        mvc.perform(get("/activities").with(staff)).andExpect(redirectedUrl("/console/activities"));
        mvc.perform(get("/merchant").with(staff)).andExpect(redirectedUrl("/console"));
        mvc.perform(get("/console/audit").with(staff)).andExpect(status().isForbidden());
    }

    @Test
    void theGuestHomeShowsTheServicesAndTheSignIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/me/mutual-aid\"")))
                .andExpect(content().string(containsString("href=\"/login\"")));
    }

    private MockHttpSession signIn(String login, String password, String landing) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(login).password(password))
                .andExpect(redirectedUrl(landing)).andReturn().getRequest().getSession(false);
    }
}

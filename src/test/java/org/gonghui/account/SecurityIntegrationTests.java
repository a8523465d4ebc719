package org.gonghui.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import org.gonghui.member.MemberStatus;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.ApiClient;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Data scope and the security baseline, tried through every door: a district-B member must be invisible to
 * district-A staff by page and by API, whatever ids they type.
 */
@IntegrationTest
class SecurityIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Accounts accounts;

    private MemberView jiangbeiMember;
    private String jiangbeiIdNumber;

    private OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    @BeforeEach
    void memberInJiangbei() {
        jiangbeiIdNumber = Fixtures.newIdNumber();
        jiangbeiMember = members.register(org("NB").treePath(), new NewMember("江北会员", jiangbeiIdNumber,
                Fixtures.newPhone(), org("NB-JB-T01-E1").id(), MemberType.IN_SERVICE, null, null));
    }

    @Test
    void haishuStaffCannotReadChangeOrExportAJiangbeiMemberThroughThePages() throws Exception {
        CurrentUser haishu = Fixtures.staffAt(org("NB-HS"), Role.STAFF, Role.REVIEWER);
        long id = jiangbeiMember.id();
        mvc.perform(get("/console/members/{id}", id).with(Fixtures.as(haishu))).andExpect(status().isNotFound());
        mvc.perform(post("/console/members/{id}/reveal", id).param("field", "ID_NUMBER").with(Fixtures.as(haishu)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/members/{id}/transfer", id).param("toOrgCode", "NB-HS-T01-E1")
                .with(Fixtures.as(haishu)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/console/members/{id}/status", id).param("status", "LEFT")
                .with(Fixtures.as(haishu)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/console/members/export").param("orgId", String.valueOf(org("NB-JB").id()))
                .with(Fixtures.as(haishu))).andExpect(status().isNotFound());
        mvc.perform(get("/console/members").param("q", jiangbeiIdNumber).with(Fixtures.as(haishu)))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("江北会员"))));
        mvc.perform(get("/console/organisations/{id}", org("NB-JB").id()).with(Fixtures.as(haishu)))
                .andExpect(status().isNotFound());
        MemberView after = members.find(id).orElseThrow();
        assertThat(after.status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(after.orgId()).isEqualTo(org("NB-JB-T01-E1").id());
    }

    @Test
    void haishuStaffCannotReadChangeOrExportAJiangbeiMemberThroughTheApi() throws Exception {
        String token = ApiClient.bearer(mvc, "haishu", "Gonghui2026");
        long id = jiangbeiMember.id();
        mvc.perform(get("/api/v1/members/{id}", id).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("member.not-found"));
        mvc.perform(put("/api/v1/members/{id}", id).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"改名\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/members/{id}/reveal", id).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"field\":\"ID_NUMBER\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/members/{id}/transfer", id).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"toOrgId\":" + org("NB-HS-T01-E1").id() + "}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/members/{id}/history", id).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/members/export").param("orgId", String.valueOf(org("NB-JB").id()))
                .header(HttpHeaders.AUTHORIZATION, token)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/members").param("q", jiangbeiIdNumber).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/api/v1/organisations/{id}/children", org("NB-JB").id()).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isNotFound());
        assertThat(members.find(id).orElseThrow().name()).isEqualTo("江北会员");
    }

    @Test
    void theCityAdminSeesEveryDistrict() throws Exception {
        String token = ApiClient.bearer(mvc, "admin", "Gonghui2026");
        mvc.perform(get("/api/v1/members/{id}", jiangbeiMember.id()).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("江北会员"))
                .andExpect(jsonPath("$.idNumberMasked").value(jiangbeiMember.idNumberMasked()));
    }

    @Test
    void aMemberSeesOnlyTheirOwnData() throws Exception {
        MemberView self = members.register(org("NB").treePath(), new NewMember("自己", Fixtures.newIdNumber(),
                Fixtures.newPhone(), org("NB-HS-T01-E1").id(), MemberType.MIGRANT, null, null));
        CurrentUser member = Fixtures.member(self.id());
        mvc.perform(get("/me").with(Fixtures.as(member))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("自己")));
        mvc.perform(get("/console/members/{id}", jiangbeiMember.id()).with(Fixtures.as(member)))
                .andExpect(redirectedUrl("/")); // sent to the portal, never shown the console
        accounts.createMemberAccount(self.id(), "Member2026x");
        String phone = members.revealOwn(self.id(), org.gonghui.member.PersonalField.PHONE);
        String token = ApiClient.bearer(mvc, phone, "Member2026x");
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(self.id()));
        mvc.perform(get("/api/v1/members/{id}", jiangbeiMember.id()).header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/members").header(HttpHeaders.AUTHORIZATION, token)).andExpect(status().isForbidden());
    }

    @Test
    void anonymousCallsAreRefused() throws Exception {
        mvc.perform(get("/api/v1/members")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("error.unauthorized"));
        mvc.perform(get("/api/v1/members").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-real-token-at-all-0000"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/console/members").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/me").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/")).andExpect(status().isOk());
    }

    @Test
    void formPostsWithoutTheCsrfTokenAreRefused() throws Exception {
        CurrentUser city = Fixtures.staffAt(org("NB"), Role.ADMIN, Role.STAFF);
        mvc.perform(post("/console/members/{id}/status", jiangbeiMember.id()).param("status", "LEFT")
                .with(Fixtures.as(city))).andExpect(status().isForbidden());
        assertThat(members.find(jiangbeiMember.id()).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        mvc.perform(post("/console/members/{id}/status", jiangbeiMember.id()).param("status", "LEFT")
                .with(Fixtures.as(city)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(members.find(jiangbeiMember.id()).orElseThrow().status()).isEqualTo(MemberStatus.LEFT);
    }

    @Test
    void reviewersMayNotRevealAndOnlyAdminsReadTheAuditLog() throws Exception {
        CurrentUser reviewer = Fixtures.staffAt(org("NB-JB"), Role.REVIEWER);
        mvc.perform(post("/console/members/{id}/reveal", jiangbeiMember.id()).param("field", "ID_NUMBER")
                .with(Fixtures.as(reviewer)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/console/audit").with(Fixtures.as(Fixtures.staffAt(org("NB-JB"), Role.STAFF))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/audit").with(Fixtures.as(Fixtures.staffAt(org("NB"), Role.ADMIN))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit").header(HttpHeaders.AUTHORIZATION, ApiClient.bearer(mvc, "haishu", "Gonghui2026")))
                .andExpect(status().isForbidden());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void fiveWrongPasswordsStopTheOffendingAddressButNotTheRealUser() throws Exception {
        String username = Fixtures.unique("lock");
        CurrentUser admin = Fixtures.staffAt(org("NB"), Role.ADMIN);
        accounts.createStaff(admin, username, "锁定测试", "Right2026pw", org("NB-HS").id(), EnumSet.of(Role.STAFF));
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/auth/token").with(from("198.51.100.70")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + username + "\",\"password\":\"wrong" + i + "\"}"))
                    .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("signin.failed"));
        }
        // even the right password is not checked from the guessing address, by the API or the form
        mvc.perform(post("/api/v1/auth/token").with(from("198.51.100.70")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"Right2026pw\"}"))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("signin.throttled"))
                .andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/login").with(from("198.51.100.70")).param("username", username).param("password", "Right2026pw")
                .with(csrf())).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(forwardedUrl("/login/throttled"));
        // the real user, from their own address, signs in as usual
        mvc.perform(post("/api/v1/auth/token").with(from("203.0.113.70")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"Right2026pw\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.token").exists());
        mvc.perform(post("/login").with(from("203.0.113.71")).param("username", username).param("password", "Right2026pw")
                .with(csrf())).andExpect(redirectedUrl("/console"));
    }

    @Test
    void anUnknownAccountAnswersExactlyLikeAKnownOne() throws Exception {
        String known = Fixtures.unique("known");
        accounts.createStaff(Fixtures.staffAt(org("NB"), Role.ADMIN), known, "已知", "Right2026pw", org("NB-HS").id(),
                EnumSet.of(Role.STAFF));
        String unknown = Fixtures.unique("unknown");
        for (int i = 0; i < 6; i++) {
            var forKnown = mvc.perform(post("/api/v1/auth/token").with(from("198.51.100.71"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + known + "\",\"password\":\"wrong-" + i + "\"}")).andReturn().getResponse();
            var forUnknown = mvc.perform(post("/api/v1/auth/token").with(from("198.51.100.71"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + unknown + "\",\"password\":\"wrong-" + i + "\"}")).andReturn().getResponse();
            assertThat(forUnknown.getStatus()).isEqualTo(forKnown.getStatus()).isEqualTo(i < 5 ? 401 : 429);
            assertThat(forUnknown.getContentAsString()).isEqualTo(forKnown.getContentAsString());
        }
    }

    @Test
    void wrongCodesAreThrottledPerAddress() throws Exception {
        String phone = Fixtures.newPhone();
        members.register(org("NB").treePath(), new NewMember("验证码限流", Fixtures.newIdNumber(), phone,
                org("NB-HS-T01-C1").id(), MemberType.IN_SERVICE, null, null));
        mvc.perform(post("/api/v1/auth/code").with(from("198.51.100.72")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"" + phone + "\"}")).andExpect(status().isAccepted());
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/api/v1/auth/token").with(from("198.51.100.73")).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"phone\":\"" + phone + "\",\"code\":\"99999" + i + "\"}"))
                    .andExpect(status().is4xxClientError());
        }
        mvc.perform(post("/api/v1/auth/token").with(from("198.51.100.73")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"" + phone + "\",\"code\":\"123456\"}"))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("signin.throttled"));
        mvc.perform(post("/login/code").with(from("198.51.100.73")).param("phone", phone).param("code", "123456")
                .with(csrf())).andExpect(status().isTooManyRequests())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("验证码尝试过多")));
    }
}

package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.support.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.gonghui.account.Accounts;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.support.ApiClient;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The front doors: REST API with bearer tokens, portal and console pages, the merchant page. */
@IntegrationTest
@Import(ActivityTestData.class)
class ActivityWebIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Activities activities;
    @Autowired Welfare welfare;
    @Autowired Merchants merchants;
    @Autowired Members members;
    @Autowired Accounts accounts;
    @Autowired ActivityTestData data;
    @Autowired JdbcClient jdbc;
    @Autowired Registrations registrations;
    @Autowired Attendance attendance;

    /** A member with a phone and password; returns [memberId, bearer]. */
    Object[] signedInMember() throws Exception {
        String phone = Fixtures.newPhone();
        long id = members.register(data.org("NB").treePath(), new NewMember("接口会员", Fixtures.newIdNumber(), phone,
                data.org("NB-HS-T01-E1").id(), MemberType.IN_SERVICE, null, Fixtures.newCardNumber()))
                .id();
        accounts.createMemberAccount(id, "Member2026x");
        return new Object[] {id, ApiClient.bearer(mvc, phone, "Member2026x")};
    }

    @Test
    void aMemberRegistersThroughTheApiAndEveryRefusalIsAClear4xx() throws Exception {
        Object[] me = signedInMember();
        long memberId = (long) me[0];
        String token = (String) me[1];
        long other = data.members(1, MemberType.IN_SERVICE, false).get(0);
        ActivityView a = activities.publish(data.staffAt("NB-HS"), ActivityTestData.open("接口报名", 2, AllocationMode.FIRST_COME));
        ActivityView elsewhere = activities.publish(data.staffAt("NB-JB"), ActivityTestData.open("江北", 5, AllocationMode.FIRST_COME));

        mvc.perform(get("/api/v1/activities").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.id == " + a.id() + ")]").exists())
                .andExpect(jsonPath("$.items[?(@.id == " + elsewhere.id() + ")]").doesNotExist());
        mvc.perform(post("/api/v1/activities/" + a.id() + "/registrations").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"memberId\": " + other + "}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.memberId").value(memberId))
                .andExpect(jsonPath("$.status").value("CONFIRMED"));
        mvc.perform(post("/api/v1/activities/" + a.id() + "/registrations").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value(Refusal.ALREADY_REGISTERED))
                .andExpect(jsonPath("$.detail").value("您已报名该活动"));
        assertThat(jdbc.sql("select count(*) from registration where member_id = :m").param("m", other)
                .query(Integer.class).single()).isZero();

        mvc.perform(post("/api/v1/activities/" + elsewhere.id() + "/registrations").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value(Refusal.NOT_ELIGIBLE_ORG));
        mvc.perform(post("/api/v1/activities/424242424/registrations").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/activities/abc/registrations").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/activities/" + a.id() + "/registrations").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/activities/" + a.id() + "/registrations")).andExpect(status().isUnauthorized());

        String staff = ApiClient.bearer(mvc, "haishu", "Gonghui2026");
        mvc.perform(post("/api/v1/activities/" + a.id() + "/registrations").header(HttpHeaders.AUTHORIZATION, staff))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/activities/" + a.id() + "/figures").header(HttpHeaders.AUTHORIZATION, staff))
                .andExpect(status().isOk()).andExpect(jsonPath("$.confirmed").value(1));
        assertThat(jdbc.sql("select count(*) from registration where activity_id = :a").param("a", elsewhere.id())
                .query(Integer.class).single()).isZero();
        mvc.perform(get("/api/v1/activities/" + elsewhere.id() + "/figures").header(HttpHeaders.AUTHORIZATION, staff))
                .andExpect(status().isNotFound());

        Object[] filler = signedInMember();
        mvc.perform(post("/api/v1/activities/" + a.id() + "/registrations").header(HttpHeaders.AUTHORIZATION, (String) filler[1]))
                .andExpect(status().isCreated());
        Object[] second = signedInMember();
        mvc.perform(post("/api/v1/activities/" + a.id() + "/registrations").header(HttpHeaders.AUTHORIZATION, (String) second[1]))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value(Refusal.FULL));
        mvc.perform(post("/api/v1/activities/" + a.id() + "/registrations").header(HttpHeaders.AUTHORIZATION, (String) second[1])
                        .contentType(MediaType.APPLICATION_JSON).content("{\"waitlist\": true}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("WAITLISTED"));
        mvc.perform(get("/api/v1/activities/" + a.id() + "/registrations/mine").header(HttpHeaders.AUTHORIZATION, (String) second[1]))
                .andExpect(jsonPath("$.waitlistPosition").value(1));
    }

    @Test
    void vouchersAreClaimedAndRedeemedOnceThroughTheApi() throws Exception {
        Object[] me = signedInMember();
        String username = Fixtures.unique("shop");
        var shop = merchants.create(data.staffAt("NB"), "商店", "一号店", username, "Shop2026pass");
        WelfareOfferView offer = welfare.publish(data.staffAt("NB"),
                WelfareIntegrationTests.offer("接口券", 10, 1, java.util.Set.of(shop.id())));
        String body = mvc.perform(post("/api/v1/vouchers/offers/" + offer.id() + "/claims")
                        .header(HttpHeaders.AUTHORIZATION, (String) me[1]))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(body, "$.code");
        mvc.perform(post("/api/v1/vouchers/offers/" + offer.id() + "/claims").header(HttpHeaders.AUTHORIZATION, (String) me[1]))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value(Refusal.VOUCHER_LIMIT));

        String merchant = ApiClient.bearer(mvc, username, "Shop2026pass");
        String redeem = "{\"code\":\"" + code + "\",\"outlet\":\"一号店\"}";
        mvc.perform(post("/api/v1/vouchers/redemptions").header(HttpHeaders.AUTHORIZATION, merchant)
                        .header("Idempotency-Key", "tap-1").contentType(MediaType.APPLICATION_JSON).content(redeem))
                .andExpect(status().isOk()).andExpect(jsonPath("$.replay").value(false));
        mvc.perform(post("/api/v1/vouchers/redemptions").header(HttpHeaders.AUTHORIZATION, merchant)
                        .header("Idempotency-Key", "tap-1").contentType(MediaType.APPLICATION_JSON).content(redeem))
                .andExpect(status().isOk()).andExpect(jsonPath("$.replay").value(true));
        mvc.perform(post("/api/v1/vouchers/redemptions").header(HttpHeaders.AUTHORIZATION, merchant)
                        .contentType(MediaType.APPLICATION_JSON).content(redeem))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("voucher.already-redeemed"));
        mvc.perform(post("/api/v1/vouchers/redemptions").header(HttpHeaders.AUTHORIZATION, merchant)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"NOSUCHCODE2345\"}"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("voucher.not-found"));
        mvc.perform(post("/api/v1/vouchers/redemptions").header(HttpHeaders.AUTHORIZATION, (String) me[1])
                        .contentType(MediaType.APPLICATION_JSON).content(redeem))
                .andExpect(status().isForbidden());
    }

    @Test
    void portalConsoleAndMerchantPagesWork() throws Exception {
        long member = data.members(1, MemberType.IN_SERVICE, false).get(0);
        var staff = Fixtures.staffAt(data.org("NB-HS"), org.gonghui.shared.security.Role.STAFF);
        mvc.perform(post("/console/activities").with(as(staff)).with(csrf())
                        .param("title", "页面发布").param("category", "DIY_KIT").param("mode", "FIRST_COME")
                        .param("capacity", "3").param("opensAt", "2020-01-01T10:00").param("closesAt", "2099-01-01T10:00")
                        .param("sessions", "2099-01-02 14:00 90").param("needsAddress", "on").param("_needsAddress", "on"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/console/activities/*"));
        ActivityView a = activities.staffList(staff, "页面发布", 0, 5).items().get(0);
        assertThat(a.needsAddress()).isTrue();
        assertThat(a.online()).isFalse();
        mvc.perform(post("/console/activities").with(as(staff)).with(csrf()).param("title", "").param("capacity", "x"))
                .andExpect(status().is4xxClientError());

        mvc.perform(get("/activities").with(as(Fixtures.member(member)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("页面发布")));
        mvc.perform(get("/activities/" + a.id()).with(as(Fixtures.member(member)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("register-form")));
        mvc.perform(post("/activities/" + a.id() + "/register").with(as(Fixtures.member(member))).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("邮寄地址")));
        String location = mvc.perform(post("/activities/" + a.id() + "/register").with(as(Fixtures.member(member))).with(csrf())
                        .param("recipient", "李敏").param("phone", "13805741234").param("address", "宁波市江北区人民路 100 号"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as(Fixtures.member(member)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<svg")));
        mvc.perform(get("/me/activities").with(as(Fixtures.member(member)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("页面发布")));

        mvc.perform(get("/console/activities/" + a.id()).with(as(staff))).andExpect(status().isOk());
        mvc.perform(get("/console/activities/" + a.id()).with(as(data.staffAt("NB-JB")))).andExpect(status().isNotFound());
        mvc.perform(get("/console/activities/" + a.id() + "/shipping.xlsx").with(as(staff))).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, org.hamcrest.Matchers.containsString("spreadsheetml")));
        mvc.perform(get("/console/activities/welfare").with(as(staff))).andExpect(status().isOk());
        mvc.perform(get("/console/activities/welfare/new").with(as(staff))).andExpect(status().isOk());
        mvc.perform(get("/console/activities/new").with(as(staff))).andExpect(status().isOk());
        // a member opening a staff page is sent to the portal's home, not shown the console
        mvc.perform(get("/console/activities").with(as(Fixtures.member(member)))).andExpect(redirectedUrl("/"));
        mvc.perform(get("/activities/welfare").with(as(Fixtures.member(member)))).andExpect(status().isOk());

        String username = Fixtures.unique("kiosk");
        merchants.create(data.staffAt("NB"), "影院", null, username, "Kiosk2026pass");
        var merchantUser = accounts.principal(jdbc.sql("select id from account where username = :u").param("u", username)
                .query(Long.class).single()).orElseThrow();
        mvc.perform(get("/merchant").with(as(merchantUser))).andExpect(status().isOk());
        mvc.perform(post("/merchant/redeem").with(as(merchantUser)).with(csrf()).param("code", "UNKNOWN2345"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("券码不存在")));
        mvc.perform(get("/merchant").with(as(Fixtures.member(member)))).andExpect(redirectedUrl("/"));
        mvc.perform(post("/merchant/redeem").with(as(Fixtures.member(member))).with(csrf()).param("code", "UNKNOWN2345"))
                .andExpect(status().isForbidden());
    }

    @Test
    void consoleActionsOnAnotherDistrictsActivityAnswerNotFoundAndChangeNothing() throws Exception {
        ActivityView lottery = activities.publish(data.staffAt("NB-JB"),
                ActivityTestData.open("江北抽签", 5, AllocationMode.LOTTERY));
        var haishu = data.staffAt("NB-HS");
        for (String action : List.of("close", "cancel", "lottery/freeze", "lottery/draw", "check-in", "close-attendance",
                "quotas/release", "quotas")) {
            mvc.perform(post("/console/activities/" + lottery.id() + "/" + action).with(as(haishu)).with(csrf())
                            .param("code", "AAAAAAAAAAAA").param("lines", "NB-HS 1"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/console/activities/" + lottery.id()).with(as(haishu)).with(csrf()).param("title", "改名"))
                .andExpect(status().isNotFound());
        assertThat(activities.requireInScope(data.staffAt("NB-JB"), lottery.id())).isEqualTo(lottery);

        // in scope, a refusal is still a reason shown on the page
        mvc.perform(post("/console/activities/" + lottery.id() + "/check-in").with(as(data.staffAt("NB-JB"))).with(csrf())
                        .param("code", "AAAAAAAAAAAA"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("error"));
    }

    @Test
    void activitySearchTakesPercentAndUnderscoreLiterally() throws Exception {
        var staff = data.staffAt("NB-HS");
        String tag = Fixtures.unique("折扣");
        ActivityView percent = activities.publish(staff, ActivityTestData.open(tag + "满100减50%", 5, AllocationMode.FIRST_COME));
        ActivityView underscore = activities.publish(staff, ActivityTestData.open(tag + "A_B", 5, AllocationMode.FIRST_COME));
        ActivityView plain = activities.publish(staff, ActivityTestData.open(tag + "AxB", 5, AllocationMode.FIRST_COME));

        assertThat(activities.staffList(staff, "%", 0, 100).items()).extracting(ActivityView::id)
                .contains(percent.id()).doesNotContain(underscore.id(), plain.id());
        assertThat(activities.staffList(staff, tag + "A_B", 0, 100).items()).extracting(ActivityView::id)
                .containsExactly(underscore.id());
        mvc.perform(get("/console/activities").param("q", "%").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(percent.title())))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(plain.title()))));
    }

    @Test
    void activityTimesAreEnteredAndShownInBeijingTimeWhateverTheServersZone() throws Exception {
        var staff = data.staffAt("NB-HS");
        String title = Fixtures.unique("时区");
        ActivityForm form = ActivityTestData.open(title, 5, AllocationMode.FIRST_COME).withTimes(
                java.time.LocalDateTime.of(2099, 3, 1, 13, 58), java.time.LocalDateTime.of(2099, 3, 3, 10, 0), null,
                "2099-03-05 14:00 90");
        ActivityView a = activities.publish(staff, form);

        assertThat(a.opensAt()).isEqualTo(java.time.Instant.parse("2099-03-01T05:58:00Z"));
        assertThat(jdbc.sql("select opens_at from activity where id = :id").param("id", a.id())
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(a.opensAt());
        mvc.perform(get("/console/activities").param("q", title).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2099-03-01 13:58")));
        mvc.perform(get("/console/activities/" + a.id()).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2099-03-01 13:58")));
        mvc.perform(get("/console/activities/" + a.id() + "/edit").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2099-03-01T13:58")));
    }

    @Test
    void theSignInPageListsTheDemoMerchantsAndTheirSignInWorks() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.stringContainsInOrder("admin", "特约商户：甬城影城",
                        "cinema", "Merchant2026", "特约商户：宁波公交", "busline", "Merchant2026")));
        mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.stringContainsInOrder("Merchant: Yongcheng Cinema",
                        "cinema", "Merchant: Ningbo buses", "busline")));
        for (String login : List.of("cinema", "busline")) {
            // the listed password signs in, as a merchant: an unknown code is "not found", not "forbidden"
            mvc.perform(post("/api/v1/vouchers/redemptions").header(HttpHeaders.AUTHORIZATION,
                            ApiClient.bearer(mvc, login, "Merchant2026"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"NOSUCHCODE2345\"}"))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("voucher.not-found"));
        }
    }

    @Test
    void staffListsShowWhoRegisteredMaskedAndOnlyWithinTheirScope() throws Exception {
        var root = data.org("NB");
        String phone = Fixtures.newPhone();
        String name = Fixtures.unique("报名人");
        long member = members.register(root.treePath(), new NewMember(name, Fixtures.newIdNumber(), phone,
                data.org("NB-HS-T01-E1").id(), MemberType.IN_SERVICE, null, null)).id();
        String movedPhone = Fixtures.newPhone();
        String movedName = Fixtures.unique("调走者");
        long moved = members.register(root.treePath(), new NewMember(movedName, Fixtures.newIdNumber(), movedPhone,
                data.org("NB-HS-T01-C1").id(), MemberType.IN_SERVICE, null, null)).id();
        var staff = Fixtures.staffAt(data.org("NB-HS"), org.gonghui.shared.security.Role.STAFF);
        ActivityForm f = ActivityTestData.open("名单显示", 5, AllocationMode.FIRST_COME);
        ActivityView kit = activities.publish(staff, new ActivityForm(f.title(), ActivityCategory.DIY_KIT, null, null, null,
                true, f.mode(), 5, f.opensAt(), f.closesAt(), null, 24, java.util.Set.of(), null, false, null, null, null,
                true, false, f.sessions()));
        registrations.register(member, kit.id(), new ShippingAddress("收件人甲", "13905740001", "宁波市海曙区 1 号"), false);
        registrations.register(moved, kit.id(), new ShippingAddress("收件人乙", "13905740002", "宁波市江北区 2 号"), false);
        members.transfer(root.treePath(), moved, data.org("NB-JB-T01-E1").id(), "调动");
        String masked = org.gonghui.shared.crypto.Masking.phone(phone);
        String orgName = data.org("NB-HS-T01-E1").name();

        String page = mvc.perform(get("/console/activities/" + kit.id()).with(as(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(name, orgName, masked, "会员 " + moved + "（已不在您的管辖范围）")
                .doesNotContain(phone, movedName, movedPhone);

        String api = mvc.perform(get("/api/v1/activities/" + kit.id() + "/registrations")
                        .header(HttpHeaders.AUTHORIZATION, ApiClient.bearer(mvc, "haishu", "Gonghui2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.memberId == " + member + ")].memberName").value(name))
                .andExpect(jsonPath("$.items[?(@.memberId == " + member + ")].memberOrgName").value(orgName))
                .andExpect(jsonPath("$.items[?(@.memberId == " + member + ")].memberPhoneMasked").value(masked))
                .andExpect(jsonPath("$.items[?(@.memberId == " + member + ")].status").value("CONFIRMED"))
                .andExpect(jsonPath("$.items[?(@.memberId == " + moved + ")].memberName").value(org.hamcrest.Matchers.contains((Object) null)))
                .andReturn().getResponse().getContentAsString();
        assertThat(api).doesNotContain(phone, movedName, movedPhone);

        List<List<Object>> shipping = attendance.shippingList(staff, kit.id());
        assertThat(shipping).hasSize(2);
        assertThat(shipping.get(0)).contains("收件人甲", "13905740001", name, orgName, masked).doesNotContain(phone);
        assertThat(shipping.get(1)).contains("收件人乙").doesNotContain(movedName, movedPhone);
    }

    static List<String> none() {
        return List.of();
    }
}

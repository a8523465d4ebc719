package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gonghui.account.Accounts;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.support.ApiClient;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A registration for a full activity, or a claim of a sold-out offer, is answered before the servlet stack (the
 * filter in {@code activity.web}), with exactly the problem the controller gives, and only when nothing else could
 * change the answer.
 */
@IntegrationTest
@Import(ActivityTestData.class)
class EarlyRefusalIntegrationTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired MockMvc mvc;
    @Autowired Activities activities;
    @Autowired Members members;
    @Autowired Accounts accounts;
    @Autowired ActivityTestData data;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;
    @Autowired Welfare welfare;

    /** A member of the service point {@code orgCode} with a password; returns the bearer header value. */
    String signedInMember(String orgCode) throws Exception {
        String phone = Fixtures.newPhone();
        long id = members.register(data.org("NB").treePath(), new NewMember("早答会员", Fixtures.newIdNumber(), phone,
                data.org(orgCode).id(), MemberType.IN_SERVICE, null, null)).id();
        accounts.createMemberAccount(id, "Member2026x");
        return ApiClient.bearer(mvc, phone, "Member2026x");
    }

    double early() {
        return early("registration");
    }

    double early(String kind) {
        return meters.get("gonghui.activity.refused.early").tag("kind", kind).counter().count();
    }

    static MockHttpServletRequestBuilder register(ActivityView a, String token) {
        return post("/api/v1/activities/" + a.id() + "/registrations").header(HttpHeaders.AUTHORIZATION, token);
    }

    ActivityView fullActivity() throws Exception {
        ActivityView a = activities.publish(data.staffAt("NB-HS"), ActivityTestData.open("满员早答", 1, AllocationMode.FIRST_COME));
        mvc.perform(register(a, signedInMember("NB-HS-T01-E1"))).andExpect(status().isCreated());
        return a;
    }

    long stored(ActivityView a) {
        return jdbc.sql("select count(*) from registration where activity_id = :a").param("a", a.id())
                .query(Long.class).single();
    }

    @Test
    void aFullActivityIsRefusedBeforeTheServletStackWithTheProblemTheControllerGives() throws Exception {
        ActivityView a = fullActivity();
        String member = signedInMember("NB-HS-T01-E1");

        // the member's first press is answered early although their facts were not in memory (looked up once:
        // with several instances the member's page may have been served by another one) ...
        double before = early();
        MockHttpServletResponse fast = mvc.perform(register(a, member)).andExpect(status().isConflict())
                .andReturn().getResponse();
        assertThat(early()).isEqualTo(before + 1);
        // ... with the same status, body and headers as the normal way (taken by a query string, which could
        // change the language)
        MockHttpServletResponse normal = mvc.perform(post("/api/v1/activities/" + a.id() + "/registrations?lang=zh-CN")
                .header(HttpHeaders.AUTHORIZATION, member)).andExpect(status().isConflict()).andReturn().getResponse();
        assertThat(early()).isEqualTo(before + 1);

        Map<?, ?> normalBody = JSON.readValue(normal.getContentAsByteArray(), Map.class);
        assertThat(normalBody.get("code")).isEqualTo(Refusal.FULL);
        assertThat(normalBody.get("detail")).isEqualTo("名额已满，可以加入候补");
        assertThat(JSON.readValue(fast.getContentAsByteArray(), Map.class)).isEqualTo(normalBody);
        assertThat(MediaType.parseMediaType(fast.getContentType()).isCompatibleWith(
                MediaType.parseMediaType(normal.getContentType()))).isTrue();
        for (String header : List.of("X-Content-Type-Options", "Cache-Control", "X-Frame-Options", "Pragma")) {
            assertThat(fast.getHeader(header)).as(header).isEqualTo(normal.getHeader(header));
        }

        // in English, and with a body that does not ask for the waitlist (as the app sends)
        mvc.perform(register(a, member).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"waitlist\":false,\"recipient\":null}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value(Refusal.FULL))
                .andExpect(jsonPath("$.detail").value("All places are taken: you may join the waitlist"));
        assertThat(early()).isEqualTo(before + 2);
        assertThat(stored(a)).isEqualTo(1);
    }

    @Test
    void whatTheEarlyAnswerCannotDecideGoesTheNormalWay() throws Exception {
        ActivityView a = fullActivity();
        ActivityView other = fullActivity();
        String member = signedInMember("NB-HS-T01-E1");
        mvc.perform(register(a, member)).andExpect(status().isConflict());
        double before = early();

        // the waitlist, asked for in the body: the body reaches the controller intact
        mvc.perform(register(a, member).contentType(MediaType.APPLICATION_JSON).content("{\"waitlist\": true}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("WAITLISTED"));
        // bad bodies and a language asked for in the query string
        mvc.perform(register(other, member).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(register(other, member).contentType(MediaType.APPLICATION_JSON).content("{\"waitlist\":\"maybe\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/activities/" + other.id() + "/registrations?lang=en")
                        .header(HttpHeaders.AUTHORIZATION, member))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value(Refusal.FULL));
        // no token, a staff token
        mvc.perform(post("/api/v1/activities/" + other.id() + "/registrations")).andExpect(status().isUnauthorized());
        mvc.perform(register(other, ApiClient.bearer(mvc, "haishu", "Gonghui2026"))).andExpect(status().isForbidden());
        assertThat(early()).isEqualTo(before);

        // a member outside the activity's part of the tree is told it is not for them, never that it is full
        String jiangbei = signedInMember("NB-JB-T01-E1");
        for (int i = 0; i < 2; i++) {
            mvc.perform(register(other, jiangbei)).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value(Refusal.NOT_ELIGIBLE_ORG));
        }
        assertThat(early()).isEqualTo(before);
        assertThat(stored(a)).isEqualTo(2);
        assertThat(stored(other)).isEqualTo(1);
    }

    @Test
    void aClaimOfASoldOutOfferIsRefusedEarlyAndOnlyToMembersItIsFor() throws Exception {
        LocalDateTime now = PlatformZone.now();
        WelfareOfferView offer = welfare.publish(data.staffAt("NB-HS"), new WelfareOfferForm("早答看大片", "desc",
                new BigDecimal("1.00"), 1, 1, now.minusHours(1), now.plusDays(3), now.minusHours(1), now.plusDays(30),
                Set.of(), null, false, null, null, Set.of()));
        String claims = "/api/v1/vouchers/offers/" + offer.id() + "/claims";
        mvc.perform(post(claims).header(HttpHeaders.AUTHORIZATION, signedInMember("NB-HS-T01-E1")))
                .andExpect(status().isCreated());
        String member = signedInMember("NB-HS-T01-E1");

        double before = early("voucher");
        MockHttpServletResponse fast = mvc.perform(post(claims).header(HttpHeaders.AUTHORIZATION, member))
                .andExpect(status().isConflict()).andReturn().getResponse();
        assertThat(early("voucher")).isEqualTo(before + 1);
        MockHttpServletResponse normal = mvc.perform(post(claims + "?lang=zh-CN")
                .header(HttpHeaders.AUTHORIZATION, member)).andExpect(status().isConflict()).andReturn().getResponse();
        assertThat(early("voucher")).isEqualTo(before + 1);
        Map<?, ?> normalBody = JSON.readValue(normal.getContentAsByteArray(), Map.class);
        assertThat(normalBody.get("code")).isEqualTo(Refusal.SOLD_OUT);
        assertThat(JSON.readValue(fast.getContentAsByteArray(), Map.class)).isEqualTo(normalBody);

        String jiangbei = signedInMember("NB-JB-T01-E1");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(claims).header(HttpHeaders.AUTHORIZATION, jiangbei)).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value(Refusal.NOT_ELIGIBLE_ORG));
        }
        assertThat(early("voucher")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from voucher where offer_id = :o").param("o", offer.id())
                .query(Long.class).single()).isEqualTo(1);
    }
}

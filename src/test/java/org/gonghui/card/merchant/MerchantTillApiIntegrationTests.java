package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.card.merchant.MerchantTestData.application;
import static org.gonghui.card.merchant.MerchantTestData.officer;
import static org.gonghui.card.merchant.MerchantTestData.outlet;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;
import org.gonghui.card.DynamicCodes;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.ApiClient;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The till API for a merchant's own POS: signed in as a merchant account with a bearer token, it reads its own
 * outlets and offers, looks a code up without spending it, redeems once per Idempotency-Key, reads back only its own
 * keys, and refuses bad input with a problem (never a 500); staff and members are refused.
 */
@IntegrationTest
class MerchantTillApiIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired CardMerchants merchants;
    @Autowired MerchantSettings settings;
    @Autowired Offers offers;
    @Autowired DynamicCodes codes;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;

    record Pos(MerchantTestData.Approved merchant, String token, long outlet) {
    }

    Pos pos() throws Exception {
        var m = MerchantTestData.approved(merchants, settings, organisations,
                application(Fixtures.unique("收银影城"), "cinema", outlet("一号店", 29.87, 121.55)));
        offers.addDiscount(officer(organisations), m.id(), null, "会员 9 折", DiscountKind.PERCENT, 10);
        return new Pos(m, ApiClient.bearer(mvc, m.account().getUsername(), "Merchant2026!x"), m.outlets().get(0).id());
    }

    ResultActions post(String token, String path, String key, String json) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .header(HttpHeaders.AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON).content(json);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    @Test
    void aPosRedeemsOncePerKeyAndSeesOnlyItsOwn() throws Exception {
        Pos a = pos();
        Pos b = pos();
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        mvc.perform(get("/api/v1/merchant/card").header(HttpHeaders.AUTHORIZATION, a.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.live").value(true))
                .andExpect(jsonPath("$.outlets[0].id").value(a.outlet()))
                .andExpect(jsonPath("$.discounts[0].kind").value("PERCENT"));
        String code = codes.issue(member.id(), Instant.now()).token();
        // looking up spends nothing and shows the masked card only
        String looked = post(a.token(), "/api/v1/merchant/card/lookup", null, "{\"code\":\"" + code + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.cardMasked").value(org.hamcrest.Matchers.startsWith("****")))
                .andReturn().getResponse().getContentAsString();
        assertThat(looked).doesNotContain(member.name()).doesNotContain("memberId");
        String key = UUID.randomUUID().toString();
        String sale = "{\"outletId\":" + a.outlet() + ",\"code\":\"" + code + "\",\"bill\":45.00}";
        post(a.token(), "/api/v1/merchant/card/redemptions", key, sale).andExpect(status().isCreated())
                .andExpect(jsonPath("$.discount").value(4.5)).andExpect(jsonPath("$.pay").value(40.5))
                .andExpect(jsonPath("$.replay").value(false));
        post(a.token(), "/api/v1/merchant/card/redemptions", key, sale).andExpect(status().isOk())
                .andExpect(jsonPath("$.replay").value(true)).andExpect(jsonPath("$.discount").value(4.5));
        assertThat(jdbc.sql("select count(*) from card_redemption where idem_key = :k").param("k", key)
                .query(Long.class).single()).isOne();
        // the code is spent now: a look-up says so
        post(a.token(), "/api/v1/merchant/card/lookup", null, "{\"code\":\"" + code + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("card.code.replayed"));
        mvc.perform(get("/api/v1/merchant/card/redemptions/" + key).header(HttpHeaders.AUTHORIZATION, a.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.bill").value(45.0));
        // another merchant: neither a's key nor a's outlet
        mvc.perform(get("/api/v1/merchant/card/redemptions/" + key).header(HttpHeaders.AUTHORIZATION, b.token()))
                .andExpect(status().isNotFound());
        post(b.token(), "/api/v1/merchant/card/redemptions", UUID.randomUUID().toString(), "{\"outletId\":" + a.outlet()
                + ",\"code\":\"" + codes.issue(member.id(), Instant.now()).token() + "\",\"bill\":10}")
                .andExpect(status().isNotFound());
        // staff are no till
        String staff = ApiClient.bearer(mvc, "haishu", "Gonghui2026");
        mvc.perform(get("/api/v1/merchant/card").header(HttpHeaders.AUTHORIZATION, staff)).andExpect(status().isForbidden());
    }

    @Test
    void badInputIsAProblemAndRecordsNothing() throws Exception {
        Pos a = pos();
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        String code = codes.issue(member.id(), Instant.now()).token();
        String path = "/api/v1/merchant/card/redemptions";
        String good = "{\"outletId\":" + a.outlet() + ",\"code\":\"" + code + "\",\"bill\":45.00}";
        post(a.token(), path, null, good).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("card.merchant.redeem.key"));
        post(a.token(), path, "short", good).andExpect(status().isBadRequest());
        post(a.token(), path, UUID.randomUUID().toString(), good.replace("45.00", "45.001"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("card.merchant.redeem.bill"));
        post(a.token(), path, UUID.randomUUID().toString(), good.replace("45.00", "-3")).andExpect(status().isBadRequest());
        post(a.token(), path, UUID.randomUUID().toString(), good.replace("45.00", "\"lots\"")).andExpect(status().isBadRequest());
        post(a.token(), path, UUID.randomUUID().toString(), good.replace(String.valueOf(a.outlet()), "\"x\""))
                .andExpect(status().isBadRequest());
        post(a.token(), path, UUID.randomUUID().toString(), "{\"code\":\"" + code + "\",\"bill\":1}")
                .andExpect(status().isBadRequest());
        post(a.token(), path, UUID.randomUUID().toString(), "not json").andExpect(status().isBadRequest());
        post(a.token(), "/api/v1/merchant/card/lookup", null, "{\"code\":\"GH1.x\"}").andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from card_redemption where card_merchant_id = :m").param("m", a.merchant().id())
                .query(Long.class).single()).isZero();
        // the code was not spent by any of it
        post(a.token(), path, UUID.randomUUID().toString(), good).andExpect(status().isCreated());
    }
}

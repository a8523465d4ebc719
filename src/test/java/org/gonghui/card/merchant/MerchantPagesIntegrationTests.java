package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.card.merchant.MerchantTestData.application;
import static org.gonghui.card.merchant.MerchantTestData.officer;
import static org.gonghui.card.merchant.MerchantTestData.outlet;
import static org.gonghui.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gonghui.card.DynamicCodes;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class MerchantPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired CardMerchants merchants;
    @Autowired MerchantSettings settings;
    @Autowired Offers offers;
    @Autowired DynamicCodes codes;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;

    @Test
    void theTillRedeemsATypedCodeOnceAndShowsOnlyTheMaskedCard() throws Exception {
        var m = MerchantTestData.approved(merchants, settings, organisations,
                application(Fixtures.unique("页面影城"), "cinema", outlet("一号店", 29.87, 121.55)));
        offers.addDiscount(officer(organisations), m.id(), null, "8 折", DiscountKind.PERCENT, 20);
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        String code = codes.issue(member.id(), Instant.now()).token();
        String key = UUID.randomUUID().toString();
        mvc.perform(get("/merchant/card").with(as(m.account()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("一号店")));
        var first = mvc.perform(post("/merchant/card/redeem").with(as(m.account())).with(csrf())
                .param("outlet", String.valueOf(m.outlets().get(0).id())).param("code", code).param("bill", "99.90")
                .param("key", key)).andExpect(status().isOk())
                .andExpect(content().string(containsString("19.98"))).andReturn().getResponse().getContentAsString();
        assertThat(first).doesNotContain(member.name()).contains(member.cardNumberMasked());
        mvc.perform(post("/merchant/card/redeem").with(as(m.account())).with(csrf())
                .param("outlet", String.valueOf(m.outlets().get(0).id())).param("code", code).param("bill", "99.90")
                .param("key", key)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第一次的结果")));
        mvc.perform(post("/merchant/card/redeem").with(as(m.account())).with(csrf())
                .param("outlet", String.valueOf(m.outlets().get(0).id())).param("code", code).param("bill", "9.999")
                .param("key", UUID.randomUUID().toString())).andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写消费金额")));
        var sheet = mvc.perform(get("/merchant/card/figures.xlsx").param("by", "OUTLET").with(as(m.account())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(book.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue()).isEqualTo(19.98);
        }
        // the voucher page and the card page are tabs of one merchant page
        mvc.perform(get("/merchant").with(as(m.account()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/merchant/card")));
    }

    @Test
    void aMemberFindsOutletsByDistrictAndRatesOne() throws Exception {
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        var self = as(Fixtures.member(member.id()));
        mvc.perform(get("/card/outlets").param("category", "cinema").param("district", "海曙区").with(self))
                .andExpect(status().isOk()).andExpect(content().string(containsString("甬城影城")));
        mvc.perform(get("/card/outlets").param("category", "cinema").param("lat", "95").param("lng", "121").with(self))
                .andExpect(status().isOk()).andExpect(content().string(containsString("经纬度不正确")));
        long outlet = jdbc.sql("select o.id from card_outlet o join card_merchant m on m.id = o.card_merchant_id "
                + "where m.name = '甬城影城' order by o.id").query(Long.class).list().get(0);
        mvc.perform(post("/card/outlets/" + outlet + "/rate").with(self).with(csrf()).param("stars", "5").param("comment", "好"))
                .andExpect(redirectedUrl("/card/outlets/" + outlet));
        mvc.perform(post("/card/outlets/" + outlet + "/rate").with(self).with(csrf()).param("stars", "9"))
                .andExpect(redirectedUrl("/card/outlets/" + outlet));
        assertThat(jdbc.sql("select stars from card_rating where outlet_id = :o and member_id = :m").param("o", outlet)
                .param("m", member.id()).query(Integer.class).single()).isEqualTo(5);
        mvc.perform(get("/card/outlets/999999999").with(self)).andExpect(status().isNotFound());
    }

    static final byte[] PDF = "%PDF-1.4\n%test licence\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    org.springframework.test.web.servlet.RequestBuilder apply(String name, MockMultipartFile licence) {
        var request = multipart("/merchants/apply");
        if (licence != null) {
            request.file(licence);
        }
        return request.with(csrf()).param("name", name).param("licenceCode", MerchantTestData.creditCode())
                .param("categories", "dining").param("discount", "9 折").param("contactName", "赵")
                .param("contactPhone", "13905741234").param("outletName", "店").param("address", "地址")
                .param("district", "海曙区").param("hours", "09:00-21:00").param("lat", "29.87").param("lng", "121.55");
    }

    @Test
    void aMerchantAppliesOnThePublicFormAndOfficersSeeIt() throws Exception {
        String name = Fixtures.unique("公开申请商户");
        // without the licence nothing is kept
        mvc.perform(apply(name, null)).andExpect(status().isOk())
                .andExpect(content().string(containsString("请上传营业执照")));
        assertThat(jdbc.sql("select count(*) from card_merchant where name = :n").param("n", name).query(Long.class).single())
                .isZero();
        mvc.perform(apply(name, new MockMultipartFile("licence", "执照.txt", "application/pdf", "not a pdf".getBytes())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("只能上传 PDF")));
        assertThat(jdbc.sql("select count(*) from card_merchant where name = :n").param("n", name).query(Long.class).single())
                .isZero();
        mvc.perform(apply(name, new MockMultipartFile("licence", "营业执照.pdf", "application/pdf", PDF)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("申请已提交")));
        assertThat(jdbc.sql("""
                select d.kind from card_merchant_document d join card_merchant m on m.id = d.card_merchant_id
                where m.name = :n""").param("n", name).query(String.class).list()).containsExactly("LICENCE");
        mvc.perform(post("/merchants/apply").with(csrf()).param("name", "坏").param("licenceCode", "123"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("统一社会信用代码不正确")));
        var admin = as(Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.ADMIN));
        mvc.perform(get("/console/card/merchants").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString(name))).andExpect(content().string(not(containsString("13905741234"))));
        long id = jdbc.sql("select id from card_merchant where name = :n").param("n", name).query(Long.class).single();
        mvc.perform(get("/console/card/merchants/" + id).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("139****1234")));
        mvc.perform(post("/console/card/merchants/" + id + "/check").with(admin).with(csrf()).param("criterion", "licence")
                .param("passed", "true").param("note", "核验原件")).andExpect(redirectedUrl("/console/card/merchants/" + id));
        assertThat(merchants.checks(id)).hasSize(1);
        var district = as(Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF));
        mvc.perform(get("/console/card/merchants").with(district)).andExpect(redirectedUrl("/console/card/figures"));
        mvc.perform(get("/console/card/figures").param("by", "ORGANISATION").with(district)).andExpect(status().isOk());
        mvc.perform(get("/console/card/figures.xlsx").param("by", "MONTH").with(district)).andExpect(status().isOk());
        mvc.perform(get("/console/card/figures").param("by", "NOPE").with(district)).andExpect(status().isBadRequest());
    }
}

package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.card.merchant.MerchantTestData.application;
import static org.gonghui.card.merchant.MerchantTestData.outlet;
import static org.gonghui.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A merchant keeps its outlets (address, opening hours, position; checked) and documents on its own page, an officer
 * on the console; neither reaches another merchant's.
 */
@IntegrationTest
class MerchantOutletPagesIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired CardMerchants merchants;
    @Autowired MerchantSettings settings;
    @Autowired OutletFinder finder;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;

    MerchantTestData.Approved restaurant() {
        return MerchantTestData.approved(merchants, settings, organisations,
                application(Fixtures.unique("门店餐厅"), "dining", outlet("老店", 29.87, 121.55)));
    }

    static MockHttpServletRequestBuilder outletForm(String path, String hours, String district, String lat, String lng) {
        return post(path).with(csrf()).param("name", "新址店").param("address", "海曙区药行街 9 号").param("district", district)
                .param("hours", hours).param("lat", lat).param("lng", lng);
    }

    @Test
    void aMerchantChangesAndAddsItsOutletsWithCheckedFacts() throws Exception {
        var m = restaurant();
        var other = restaurant();
        long outlet = m.outlets().get(0).id();
        String path = "/merchant/card/outlets/" + outlet;
        mvc.perform(get("/merchant/card/outlets").with(as(m.account()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("老店")));
        mvc.perform(outletForm(path, "10:00-14:00, 17:00-21:30", "海曙区", "29.8650", "121.5600").with(as(m.account())))
                .andExpect(redirectedUrl("/merchant/card/outlets")).andExpect(flash().attributeExists("notice"));
        OutletView moved = merchants.outlets(m.id()).get(0);
        assertThat(moved.name()).isEqualTo("新址店");
        assertThat(moved.openingHours()).isEqualTo("10:00-14:00, 17:00-21:30");
        assertThat(moved.lat()).isEqualTo(29.865);
        // members find it where it is now
        assertThat(finder.nearest("dining", 29.8650, 121.5600, 50)).anyMatch(o -> o.id() == outlet && o.metres() < 5);
        // refused: hours not as HH:MM-HH:MM, a district not configured, not a number, swapped, far from the district
        String[][] bad = {
            {"9-21", "海曙区", "29.87", "121.55", "营业时间请写成"},
            {"09:00-21:00", "火星区", "29.87", "121.55", "请选择门店所在的区县"},
            {"09:00-21:00", "海曙区", "北纬29", "121.55", "经纬度不正确"},
            {"09:00-21:00", "海曙区", "121.55", "29.87", "经纬度不正确"},
            {"09:00-21:00", "海曙区", "31.23", "121.47", "太远"}};
        for (String[] b : bad) {
            mvc.perform(outletForm(path, b[0], b[1], b[2], b[3]).with(as(m.account())))
                    .andExpect(flash().attribute("error", containsString(b[4])));
        }
        assertThat(merchants.outlets(m.id()).get(0).openingHours()).isEqualTo("10:00-14:00, 17:00-21:30");
        // another merchant cannot change it
        mvc.perform(outletForm(path, "09:00-21:00", "海曙区", "29.87", "121.55").with(as(other.account())))
                .andExpect(status().isNotFound());
        // a new outlet
        mvc.perform(outletForm("/merchant/card/outlets", "全天", "江北区", "29.8870", "121.5560").with(as(m.account())))
                .andExpect(flash().attributeExists("notice"));
        assertThat(merchants.outlets(m.id())).hasSize(2);
        // an officer changes it on the console; a district's staff cannot
        var officer = as(Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.ADMIN));
        mvc.perform(outletForm("/console/card/merchants/" + m.id() + "/outlets/" + outlet, "08:00-20:00", "海曙区",
                "29.87", "121.55").with(officer)).andExpect(flash().attributeExists("notice"));
        assertThat(merchants.outlets(m.id()).get(0).openingHours()).isEqualTo("08:00-20:00");
        mvc.perform(outletForm("/console/card/merchants/" + other.id() + "/outlets/" + outlet, "08:00-20:00", "海曙区",
                "29.87", "121.55").with(officer)).andExpect(status().isNotFound());
        var district = as(Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF));
        mvc.perform(outletForm("/console/card/merchants/" + m.id() + "/outlets/" + outlet, "07:00-20:00", "海曙区",
                "29.87", "121.55").with(district)).andExpect(flash().attributeExists("error"));
        assertThat(merchants.outlets(m.id()).get(0).openingHours()).isEqualTo("08:00-20:00");
    }

    @Test
    void documentsAreUploadedAndOpenedOnlyByTheMerchantAndOfficers() throws Exception {
        var m = restaurant();
        var other = restaurant();
        byte[] pdf = "%PDF-1.4\n%licence\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        mvc.perform(multipart("/merchant/card/documents").file(new MockMultipartFile("file", "营业执照.pdf",
                "application/pdf", pdf)).param("kind", "LICENCE").with(csrf()).with(as(m.account())))
                .andExpect(redirectedUrl("/merchant/card/outlets")).andExpect(flash().attributeExists("notice"));
        mvc.perform(multipart("/merchant/card/documents").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
                "hello".getBytes())).param("kind", "OTHER").with(csrf()).with(as(m.account())))
                .andExpect(flash().attribute("error", containsString("只能上传 PDF")));
        mvc.perform(multipart("/merchant/card/documents").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
                pdf)).param("kind", "NOPE").with(csrf()).with(as(m.account())))
                .andExpect(flash().attribute("error", containsString("资料类别")));
        long doc = jdbc.sql("select id from card_merchant_document where card_merchant_id = :m").param("m", m.id())
                .query(Long.class).single();
        mvc.perform(get("/merchant/card/outlets").with(as(m.account()))).andExpect(content().string(containsString("营业执照.pdf")));
        mvc.perform(get("/merchant/card/documents/" + doc).with(as(m.account()))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(pdf));
        mvc.perform(get("/merchant/card/documents/" + doc).with(as(other.account()))).andExpect(status().isNotFound());
        long reads = jdbc.sql("select count(*) from audit_log where action = 'card.merchant.document-read'")
                .query(Long.class).single();
        var officer = as(Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.ADMIN));
        mvc.perform(get("/console/card/merchants/" + m.id()).with(officer))
                .andExpect(content().string(containsString("营业执照.pdf")));
        mvc.perform(get("/console/card/merchants/" + m.id() + "/documents/" + doc).with(officer)).andExpect(status().isOk())
                .andExpect(content().bytes(pdf));
        mvc.perform(get("/console/card/merchants/" + other.id() + "/documents/" + doc).with(officer))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'card.merchant.document-read'")
                .query(Long.class).single()).isEqualTo(reads + 1);
        mvc.perform(multipart("/console/card/merchants/" + m.id() + "/documents").file(new MockMultipartFile("file",
                "合同.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2}))
                .param("kind", "CONTRACT").with(csrf()).with(officer)).andExpect(flash().attributeExists("notice"));
        assertThat(jdbc.sql("select count(*) from card_merchant_document where card_merchant_id = :m").param("m", m.id())
                .query(Long.class).single()).isEqualTo(2);
    }
}

package org.gonghui.card;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CardPortalIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Cards cards;

    @Test
    void aMemberSeesOnlyTheirOwnCardAndAFreshCodeImage() throws Exception {
        String number = Fixtures.newCardNumber();
        MemberView member = CardTestData.member(members, organisations, "NB-HS-T01-E1", number);
        MemberView other = CardTestData.member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        var self = Fixtures.as(Fixtures.member(member.id()));
        mvc.perform(get("/card").with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("************" + number.substring(12))))
                .andExpect(content().string(not(containsString(number))))
                .andExpect(content().string(not(containsString(other.cardNumberMasked()))))
                .andExpect(content().string(containsString("/js/card-code.js")))
                .andExpect(content().string(containsString("data-testid=\"dynamic-code\"")));
        String first = mvc.perform(get("/card/code.svg").with(self)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/card/code.svg").with(self)).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(first).startsWith("<svg").isNotEqualTo(second);
    }

    @Test
    void aMemberWithoutAnActiveCardGetsNoCode() throws Exception {
        MemberView member = CardTestData.member(members, organisations, "NB-HS-T01-E1", null);
        var self = Fixtures.as(Fixtures.member(member.id()));
        mvc.perform(get("/card").with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"no-card\"")));
        mvc.perform(get("/card/code.svg").with(self)).andExpect(status().isConflict());
        mvc.perform(post("/card/report-lost").with(self).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void staffAndMerchantsAreSentHome() throws Exception {
        var staff = Fixtures.as(Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF));
        mvc.perform(get("/card").with(staff).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/console"));
        mvc.perform(get("/card/code.svg").with(staff)).andExpect(status().is3xxRedirection());
    }

    @Test
    void reportingLostStopsTheCardAndItsCode() throws Exception {
        MemberView member = CardTestData.member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        var self = Fixtures.as(Fixtures.member(member.id()));
        mvc.perform(post("/card/report-lost").with(self).with(csrf()).param("reason", "丢了"))
                .andExpect(redirectedUrl("/card"));
        org.assertj.core.api.Assertions.assertThat(cards.current(member.id()).orElseThrow().status())
                .isEqualTo(CardStatus.REPORTED_LOST);
        mvc.perform(get("/card/code.svg").with(self)).andExpect(status().isConflict());
    }
}

package org.gonghui.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.card.CardTestData.member;
import static org.gonghui.card.CardTestData.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class CardConsoleIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired Cards cards;

    private RequestPostProcessor staff(String orgCode) {
        return Fixtures.as(Fixtures.staffAt(org(organisations, orgCode), Role.STAFF));
    }

    @Test
    void staffFindTheirSubtreesCardsBySuffixNameStatusAndVersion() throws Exception {
        String number = Fixtures.newCardNumber();
        MemberView member = member(members, organisations, "NB-HS-T01-E1", number);
        String last4 = number.substring(number.length() - 4);
        mvc.perform(get("/console/card").param("suffix", last4).with(staff("NB-HS")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(member.name())))
                .andExpect(content().string(not(containsString(number))));
        mvc.perform(get("/console/card").param("suffix", last4).with(staff("NB-JB")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(member.name()))));
        mvc.perform(get("/console/card").param("name", member.name()).param("status", "ACTIVE").param("version", "V2")
                .with(staff("NB-HS"))).andExpect(content().string(containsString(member.name())));
        mvc.perform(get("/console/card").param("name", member.name()).param("status", "CANCELLED")
                .with(staff("NB-HS"))).andExpect(content().string(not(containsString("data-testid=\"card-row\""))));
        mvc.perform(get("/console/card").param("suffix", "12a").with(staff("NB-HS")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"error\"")));
        mvc.perform(get("/console/card").param("status", "NOPE").with(staff("NB-HS"))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/card/cards").param("suffix", last4).with(staff("NB-HS")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].memberName").value(member.name()));
        mvc.perform(get("/api/v1/card/cards").param("suffix", last4).with(staff("NB-JB")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/api/v1/card/cards").with(Fixtures.as(Fixtures.member(member.id()))))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCounterReportsLostReplacesUpgradesAndCancelsAndAnotherDistrictGetsNotFound() throws Exception {
        MemberView member = member(members, organisations, "NB-HS-T01-E1", Fixtures.newCardNumber());
        long id = cards.current(member.id()).orElseThrow().id();
        mvc.perform(get("/console/card/" + id).with(staff("NB-JB"))).andExpect(status().isNotFound());
        mvc.perform(post("/console/card/" + id + "/cancel").with(staff("NB-JB")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/card/cards/" + id + "/cancel").with(staff("NB-JB"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isNotFound());

        mvc.perform(post("/console/card/" + id + "/report-lost").param("reason", "钱包丢失").with(staff("NB-HS")).with(csrf()))
                .andExpect(redirectedUrl("/console/card/" + id)).andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/console/card/" + id + "/upgrade").with(staff("NB-HS")).with(csrf()))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(post("/console/card/" + id + "/replace").param("number", "1234").with(staff("NB-HS")).with(csrf()))
                .andExpect(redirectedUrl("/console/card/" + id)).andExpect(flash().attributeExists("error"));
        String newNumber = Fixtures.newCardNumber();
        mvc.perform(post("/console/card/" + id + "/replace").param("number", newNumber).with(staff("NB-HS")).with(csrf()))
                .andExpect(flash().attributeExists("notice"));
        CardView replacement = cards.current(member.id()).orElseThrow();
        assertThat(replacement.replacesId()).isEqualTo(id);
        mvc.perform(get("/console/card/" + id).with(staff("NB-HS"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("钱包丢失")))
                .andExpect(content().string(containsString("data-testid=\"card-history\"")))
                .andExpect(content().string(not(containsString(newNumber))));
        mvc.perform(post("/api/v1/card/cards/" + replacement.id() + "/upgrade").with(staff("NB-HS"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"申请3.0\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value("V3"));
        mvc.perform(get("/api/v1/card/cards/" + replacement.id()).with(staff("NB-HS")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.history[1].kind").value("UPGRADED"));
        mvc.perform(post("/api/v1/card/cards/" + replacement.id() + "/cancel").with(staff("NB-HS"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"退会\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(post("/api/v1/card/cards/" + replacement.id() + "/activate").with(staff("NB-HS"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isConflict());
        assertThat(members.find(member.id()).orElseThrow().cardNumberMasked()).isNull();
    }

    @Test
    void theNavigationLeadsToCardsAndTheIssuancePageOffersATemplate() throws Exception {
        mvc.perform(get("/console/card").with(staff("NB"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/console/card\"")))
                .andExpect(content().string(containsString("/console/card/issuance")));
        mvc.perform(get("/console/card/issuance").with(staff("NB-HS"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/console/card/issuance/template")));
        mvc.perform(get("/console/card/issuance/template").with(staff("NB-HS"))).andExpect(status().isOk());
    }
}

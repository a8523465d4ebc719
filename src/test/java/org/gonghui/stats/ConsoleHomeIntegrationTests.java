package org.gonghui.stats;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.member.Members;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ConsoleHomeIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Organisations organisations;
    @Autowired Members members;

    @Test
    void theDashboardCountsOnlyTheStaffUsersSubtree() throws Exception {
        var haishu = organisations.findByCode("NB-HS").orElseThrow();
        var city = organisations.findByCode("NB").orElseThrow();
        long haishuMembers = members.countActive(haishu.treePath());
        long cityMembers = members.countActive(city.treePath());
        org.assertj.core.api.Assertions.assertThat(haishuMembers).isPositive().isLessThan(cityMembers);
        mvc.perform(get("/console").with(Fixtures.as(Fixtures.staffAt(haishu, Role.STAFF))))
                .andExpect(status().isOk())
                .andExpect(model().attribute("memberCount", haishuMembers))
                .andExpect(model().attribute("orgCounts", Matchers.hasEntry(OrganisationKind.DISTRICT, 1L)))
                .andExpect(model().attribute("orgCounts", Matchers.not(Matchers.hasKey(OrganisationKind.CITY))))
                .andExpect(model().attribute("orgCounts", Matchers.hasEntry(OrganisationKind.TOWNSHIP,
                        (long) organisations.children(haishu.id()).stream()
                                .filter(o -> o.kind() == OrganisationKind.TOWNSHIP && o.isActive()).count())));
        mvc.perform(get("/console").with(Fixtures.as(Fixtures.staffAt(city, Role.ADMIN))))
                .andExpect(status().isOk()).andExpect(model().attribute("memberCount", cityMembers));
    }
}

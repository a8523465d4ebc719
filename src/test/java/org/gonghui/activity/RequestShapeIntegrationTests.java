package org.gonghui.activity;

import static org.gonghui.support.Fixtures.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.gonghui.member.MemberType;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The request mapping remembers the handler per request shape (shared.web.ShapeCachingHandlerMapping): requests of
 * one shape with other ids, literal paths beside patterns, other methods and media types must still reach the
 * right handler with the right path variables.
 */
@IntegrationTest
@Import(ActivityTestData.class)
class RequestShapeIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Activities activities;
    @Autowired ActivityTestData data;

    @Test
    void requestsOfOneShapeReachTheirOwnHandlerAndVariables() throws Exception {
        var admin = data.staffAt("NB");
        ActivityView a = activities.publish(admin, ActivityTestData.open(Fixtures.unique("形状甲"), 5, AllocationMode.FIRST_COME));
        ActivityView b = activities.publish(admin, ActivityTestData.open(Fixtures.unique("形状乙"), 7, AllocationMode.FIRST_COME));
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/v1/activities/" + a.id()).with(as(admin)).accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.activity.id").value(a.id()))
                    .andExpect(jsonPath("$.activity.capacity").value(5));
            mvc.perform(get("/api/v1/activities/" + b.id()).with(as(admin)).accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.activity.id").value(b.id()))
                    .andExpect(jsonPath("$.activity.capacity").value(7));
            mvc.perform(get("/api/v1/activities/" + b.id() + "/quotas").with(as(admin)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.uses[0].places").value(7));
        }
        // a literal path beside the pattern /{id}, and a member-only literal
        long member = data.members(1, MemberType.IN_SERVICE, false).get(0);
        mvc.perform(get("/api/v1/activities/registrations").with(as(Fixtures.member(member))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").isArray());
        // the same path with another method: not the cached GET handler
        mvc.perform(put("/api/v1/activities/" + a.id() + "/quotas").with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"quotas\":[]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.uses[0].places").value(5));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/activities/" + a.id()))
                .andExpect(status().is4xxClientError());
        // an id that is not a number takes the full search and gets a clear 400
        mvc.perform(get("/api/v1/activities/abc").with(as(admin))).andExpect(status().isBadRequest());
    }
}

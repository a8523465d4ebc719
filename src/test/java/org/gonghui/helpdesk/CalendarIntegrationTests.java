package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.support.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.ApiClient;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.Sheets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The working calendar as shipped and as the city's admins keep it: console page, add and remove, CSV and Excel
 * import (all or nothing), the API; everybody else reads. Changes use years far ahead (2091–2095), so the shipped
 * 2026 calendar other tests count on stays as it is.
 */
@IntegrationTest
class CalendarIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;
    @Autowired WorkingCalendar calendar;

    private CurrentUser cityAdmin() {
        return Fixtures.staffAt(organisations.findByCode("NB").orElseThrow(), Role.ADMIN, Role.STAFF);
    }

    private CurrentUser districtAdmin() {
        return Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.ADMIN, Role.STAFF);
    }

    private long listed(int year) {
        return jdbc.sql("select count(*) from helpdesk_calendar_day where \"day\" >= ? and \"day\" < ?")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).query(Long.class).single();
    }

    @AfterEach
    void removeTestYears() {
        jdbc.sql("delete from helpdesk_calendar_day where \"day\" >= ?").param(LocalDate.of(2091, 1, 1)).update();
        calendar.reload();
    }

    @Test
    void shipsTheStateCouncils2026Schedule() throws Exception {
        String token = ApiClient.bearer(mvc, "nanmen", "Gonghui2026");
        mvc.perform(get("/api/v1/helpdesk/calendar/2026").header(HttpHeaders.AUTHORIZATION, token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.days.length()").value(39))
                .andExpect(jsonPath("$.days[?(@.day == '2026-02-14')].kind").value("WORKDAY"))
                .andExpect(jsonPath("$.days[?(@.day == '2026-02-17')].name").value("春节"));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    }

    @Test
    void theCityAdminAddsAndRemovesADayAndTheCalendarFollowsAtOnce() throws Exception {
        LocalDate saturday = LocalDate.of(2091, 2, 3);
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        mvc.perform(post("/console/helpdesk/calendar/days").with(as(cityAdmin())).with(csrf())
                        .param("day", saturday.toString()).param("kind", "WORKDAY").param("name", "春节"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(calendar.isWorkingDay(saturday)).isTrue();
        mvc.perform(get("/console/helpdesk/calendar").param("year", "2091").with(as(cityAdmin())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-day=\"2091-02-03\"")))
                .andExpect(content().string(Matchers.containsString("data-testid=\"calendar-add\"")));
        mvc.perform(post("/console/helpdesk/calendar/days/remove").with(as(cityAdmin())).with(csrf())
                        .param("day", saturday.toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("notice"));
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        assertThat(listed(2091)).isZero();
    }

    @Test
    void otherStaffReadTheCalendarButCannotChangeIt() throws Exception {
        mvc.perform(get("/console/helpdesk/calendar").param("year", "2026").with(as(districtAdmin())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-day=\"2026-02-14\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-testid=\"calendar-add\""))));
        mvc.perform(post("/console/helpdesk/calendar/days").with(as(districtAdmin())).with(csrf())
                        .param("day", "2091-02-03").param("kind", "WORKDAY").param("name", "春节"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("error"));
        mvc.perform(get("/console/helpdesk/calendar/import").with(as(districtAdmin()))).andExpect(status().isForbidden());
        String token = ApiClient.bearer(mvc, "haishu", "Gonghui2026");
        mvc.perform(put("/api/v1/helpdesk/calendar/2091").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":[{\"day\":\"2091-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}]}"))
                .andExpect(status().isForbidden());
        assertThat(listed(2091)).isZero();
    }

    @Test
    void refusesAMakeUpWorkingDayThatIsNoWeekendAndABadDate() throws Exception {
        mvc.perform(post("/console/helpdesk/calendar/days").with(as(cityAdmin())).with(csrf())
                        .param("day", "2091-02-05").param("kind", "WORKDAY").param("name", "春节"))
                .andExpect(flash().attribute("error", Matchers.containsString("周六或周日")));
        mvc.perform(post("/console/helpdesk/calendar/days").with(as(cityAdmin())).with(csrf())
                        .param("day", "2091-02-30").param("kind", "HOLIDAY").param("name", "春节"))
                .andExpect(flash().attribute("error", Matchers.containsString("不是有效的日期")));
        mvc.perform(post("/console/helpdesk/calendar/days").with(as(cityAdmin())).with(csrf())
                        .param("day", "2091-02-06").param("kind", "HOLIDAY").param("name", ""))
                .andExpect(flash().attribute("error", Matchers.containsString("节日名称")));
        assertThat(listed(2091)).isZero();
    }

    @Test
    void importsACsvFileAllOrNothingWithAReportPerLine() throws Exception {
        String bad = "日期,类型,名称\n2092-01-01,放假,元旦\n2092-01-07,上班,元旦\n2092-13-01,放假,春节\n2092-01-02,休假,元旦\n";
        mvc.perform(multipart("/console/helpdesk/calendar/import").file(csv(bad, StandardCharsets.UTF_8))
                        .with(as(cityAdmin())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-testid=\"import-result\"")))
                .andExpect(content().string(Matchers.containsString("2092-13-01")))
                .andExpect(content().string(Matchers.containsString("周六或周日")));
        assertThat(listed(2092)).as("nothing imported").isZero();

        String good = "2092-01-01,放假,元旦\r\n2092-01-05,上班,元旦\r\n\"2092/1/2\",HOLIDAY,\"元旦\"\r\n";
        mvc.perform(multipart("/console/helpdesk/calendar/import").file(csv(good, Charset.forName("GB18030")))
                        .with(as(cityAdmin())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("导入成功")));
        assertThat(listed(2092)).isEqualTo(3);
        assertThat(calendar.isWorkingDay(LocalDate.of(2092, 1, 5))).as("a Saturday worked").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2092, 1, 2))).isFalse();
    }

    @Test
    void importsAnExcelSheet() throws Exception {
        MockMultipartFile sheet = Sheets.xlsx(List.of("日期", "类型", "名称"), List.of(
                List.of("2093-10-01", "放假", "国庆节"), List.of("2093-10-03", "上班", "国庆节")));
        mvc.perform(multipart("/console/helpdesk/calendar/import").file(sheet).with(as(cityAdmin())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("导入成功")));
        assertThat(listed(2093)).isEqualTo(2);
        mvc.perform(multipart("/console/helpdesk/calendar/import").file(new MockMultipartFile("file", "x.csv", "text/csv",
                        new byte[0])).with(as(cityAdmin())).with(csrf()))
                .andExpect(content().string(Matchers.containsString("data-testid=\"import-error\"")));
    }

    @Test
    void theApiReplacesAYearAllOrNothing() throws Exception {
        String token = ApiClient.bearer(mvc, "admin", "Gonghui2026");
        mvc.perform(put("/api/v1/helpdesk/calendar/2094").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":[{\"day\":\"2094-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"},"
                                + "{\"day\":\"2094-01-02\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days.length()").value(2));
        mvc.perform(put("/api/v1/helpdesk/calendar/2094").header(HttpHeaders.AUTHORIZATION, token)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"days\":[{\"day\":\"2094-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"},"
                                + "{\"day\":\"2095-01-02\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("does not lie in 2094")));
        mvc.perform(put("/api/v1/helpdesk/calendar/2094").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\":[{\"day\":\"2094-01-03\",\"kind\":\"REST\",\"name\":\"x\"}]}"))
                .andExpect(status().isBadRequest());
        assertThat(listed(2094)).as("the refused lists changed nothing").isEqualTo(2);
        mvc.perform(put("/api/v1/helpdesk/calendar/2094").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"days\":[]}"))
                .andExpect(status().isOk());
        assertThat(listed(2094)).isZero();
    }

    private static MockMultipartFile csv(String text, Charset charset) {
        return new MockMultipartFile("file", "calendar.csv", "text/csv", text.getBytes(charset));
    }
}

package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.support.Fixtures.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gonghui.member.MemberType;
import org.gonghui.shared.security.CurrentUser;
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
import org.springframework.test.web.servlet.MockMvc;

/**
 * Weekly series: the job publishes next week's instance once, however often it runs, and stops after the last
 * date. The job runs on its own schedule in this context too, so the assertions count rows, not calls.
 */
@IntegrationTest
@Import(ActivityTestData.class)
class ActivityRepeatIntegrationTests {

    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired WeeklySeries series;
    @Autowired ActivityTestData data;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    static ActivityForm weekly(String title, LocalDate until) {
        ActivityForm f = ActivityTestData.open(title, 3, AllocationMode.FIRST_COME);
        return new ActivityForm(f.title(), ActivityCategory.DIY_KIT, f.description(), null, null, true, f.mode(), 3,
                f.opensAt(), f.closesAt(), f.cancelDeadline(), 24, java.util.Set.of(MemberType.IN_SERVICE), null, false,
                null, null, null, true, false, f.sessions(), true, until);
    }

    List<Long> nextInstances(long id) {
        return jdbc.sql("select id from activity where repeat_of = :id").param("id", id).query(Long.class).list();
    }

    @Test
    void runningTheJobTwicePublishesExactlyOneNextInstance() throws Exception {
        CurrentUser staff = data.staffAt("NB-HS");
        long member = data.members(1, MemberType.IN_SERVICE, false).get(0);
        ActivityView current = activities.publish(staff, weekly("每周重复", null));
        registrations.register(member, current.id(), new ShippingAddress("王芳", "13805740000", "宁波市海曙区 1 号"), false);
        Instant now = Instant.now();

        series.publishDue(now);
        series.publishDue(now);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> run = () -> series.publishDue(now);
            pool.invokeAll(List.of(run, run)).forEach(f -> {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        } finally {
            pool.shutdown();
        }

        List<Long> next = nextInstances(current.id());
        assertThat(next).hasSize(1);
        ActivityView week2 = activities.requireInScope(staff, next.get(0));
        assertThat(Duration.between(current.opensAt(), week2.opensAt())).isEqualTo(Duration.ofDays(7));
        assertThat(Duration.between(current.closesAt(), week2.closesAt())).isEqualTo(Duration.ofDays(7));
        assertThat(Duration.between(current.cancelDeadline(), week2.cancelDeadline())).isEqualTo(Duration.ofDays(7));
        assertThat(Duration.between(current.firstStart(), week2.firstStart())).isEqualTo(Duration.ofDays(7));
        assertThat(week2.sessions()).hasSameSizeAs(current.sessions());
        assertThat(week2).usingRecursiveComparison()
                .ignoringFields("id", "opensAt", "closesAt", "cancelDeadline", "sessions", "repeatOf")
                .isEqualTo(current);
        assertThat(week2.repeatOf()).isEqualTo(current.id());
        assertThat(week2.phase(now)).isEqualTo(ActivityView.Phase.UPCOMING);
        assertThat(activities.figures(staff, week2.id()).applied()).isZero();
        assertThat(activities.freePlaces(week2)).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'activity.repeat-publish' and record_id = :id")
                .param("id", String.valueOf(week2.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aSeriesStopsAfterItsLastDate() {
        CurrentUser staff = data.staffAt("NB-HS");
        LocalDate today = PlatformZone.today();
        ActivityView first = activities.publish(staff, weekly("每周重复至", today.plusDays(10)));
        Instant now = Instant.now();

        series.publishDue(now);
        List<Long> second = nextInstances(first.id());
        assertThat(second).hasSize(1);
        ActivityView week2 = activities.requireInScope(staff, second.get(0));
        assertThat(week2.repeatUntil()).isEqualTo(today.plusDays(10));

        // a week later the second instance opens; the third would open after the last date
        Instant weekLater = week2.opensAt().plusSeconds(60);
        series.publishDue(weekLater);
        series.publishDue(weekLater.plusSeconds(3600));
        assertThat(nextInstances(week2.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from activity where repeat_of = :id or id = :id").param("id", week2.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCancelledInstanceEndsItsSeries() {
        CurrentUser staff = data.staffAt("NB-HS");
        ActivityForm f = weekly("取消后不再重复", null);
        LocalDateTime opens = PlatformZone.now().plusDays(1);
        ActivityView current = activities.publish(staff, f.withTimes(opens, opens.plusDays(1), null, ""));
        activities.cancel(staff, current.id());
        series.publishDue(current.opensAt().plusSeconds(60));
        assertThat(nextInstances(current.id())).isEmpty();
    }

    @Test
    void anInstanceNotOpenYetHasNoNextInstanceYet() {
        CurrentUser staff = data.staffAt("NB-HS");
        ActivityForm f = weekly("下周才开", null);
        LocalDateTime opens = PlatformZone.now().plusDays(1);
        ActivityView later = activities.publish(staff, f.withTimes(opens, opens.plusDays(1), null, ""));
        series.publishDue(Instant.now());
        assertThat(nextInstances(later.id())).isEmpty();
    }

    @Test
    void staffMakeAnActivityRepeatOnTheConsoleAndThroughTheApi() throws Exception {
        CurrentUser staff = data.staffAt("NB-HS");
        String title = Fixtures.unique("页面每周");
        mvc.perform(post("/console/activities").with(as(staff)).with(csrf())
                        .param("title", title).param("category", "DIY_KIT").param("mode", "FIRST_COME")
                        .param("capacity", "3").param("opensAt", "2098-01-06T10:00").param("closesAt", "2098-01-08T10:00")
                        .param("sessions", "2098-01-11 14:00 90").param("repeatWeekly", "on").param("_repeatWeekly", "on")
                        .param("repeatUntil", "2098-03-31"))
                .andExpect(status().is3xxRedirection());
        ActivityView a = activities.staffList(staff, title, 0, 5).items().get(0);
        assertThat(a.repeatWeekly()).isTrue();
        assertThat(a.repeatUntil()).isEqualTo(LocalDate.of(2098, 3, 31));
        mvc.perform(get("/console/activities/" + a.id()).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("每周重复（至 2098-03-31）")));
        mvc.perform(get("/console/activities/" + a.id() + "/edit").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"2098-03-31\"")));
        mvc.perform(get("/console/activities").param("lang", "en").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Repeats weekly")));
        long member = data.members(1, MemberType.IN_SERVICE, false).get(0);
        mvc.perform(get("/activities/" + a.id()).with(as(Fixtures.member(member)))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("每周重复（至 2098-03-31）")));
        // unticking the box ends the series (and drops its last date)
        mvc.perform(post("/console/activities/" + a.id()).with(as(staff)).with(csrf())
                        .param("title", title).param("category", "DIY_KIT").param("mode", "FIRST_COME")
                        .param("capacity", "3").param("opensAt", "2098-01-06T10:00").param("closesAt", "2098-01-08T10:00")
                        .param("sessions", "2098-01-11 14:00 90").param("_repeatWeekly", "on").param("repeatUntil", "2098-03-31"))
                .andExpect(status().is3xxRedirection());
        ActivityView once = activities.requireInScope(staff, a.id());
        assertThat(once.repeatWeekly()).isFalse();
        assertThat(once.repeatUntil()).isNull();

        String token = ApiClient.bearer(mvc, "haishu", "Gonghui2026");
        String body = """
                {"title": "接口每周", "category": "DIY_KIT", "mode": "FIRST_COME", "capacity": 5,
                 "opensAt": "2098-01-06T10:00:00", "closesAt": "2098-01-08T10:00:00", "repeatWeekly": true,
                 "repeatUntil": "%s"}""";
        mvc.perform(post("/api/v1/activities").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("2098-02-28")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.repeatWeekly").value(true))
                .andExpect(jsonPath("$.repeatUntil").value("2098-02-28"));
        mvc.perform(post("/api/v1/activities").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("2098-01-01")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("activity.repeat-until.invalid"))
                .andExpect(jsonPath("$.detail").value("重复截止日期不能早于开始报名的日期"));
        mvc.perform(post("/api/v1/activities").header(HttpHeaders.AUTHORIZATION, token)
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("next tuesday")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/console/activities").with(as(staff)).with(csrf())
                        .param("title", title).param("category", "DIY_KIT").param("mode", "FIRST_COME")
                        .param("capacity", "3").param("opensAt", "2098-01-06T10:00").param("closesAt", "2098-01-08T10:00")
                        .param("repeatWeekly", "on").param("repeatUntil", "someday"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void theDemoDiyKitRepeatsWeekly() {
        ActivityView kit = activities.staffList(data.staffAt("NB"), "手工香囊", 0, 50).items().stream()
                .filter(a -> a.repeatOf() == null).findFirst().orElseThrow();
        assertThat(kit.repeatWeekly()).isTrue();
        assertThat(kit.opensAt().atZone(PlatformZone.ZONE).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.TUESDAY);
    }
}

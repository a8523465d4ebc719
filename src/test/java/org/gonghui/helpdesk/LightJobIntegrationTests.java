package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The traffic light over time, with the shared test clock moved through March 2026 (no holidays until Qingming):
 * a request nobody answers turns yellow after 7 working days and red 3 working days later, when the level above is
 * put in charge of supervising it; pages show the colour of now even before the job has stored it; pausing moves the
 * deadline. The requests made here are removed afterwards, so the others see the tree as it was.
 */
@IntegrationTest
class LightJobIntegrationTests {

    @Autowired HelpdeskScenario scenario;
    @Autowired HelpRequests requests;
    @Autowired LightJob job;
    @Autowired TestClock clock;
    @Autowired WorkingTime workingTime;
    @Autowired JdbcClient jdbc;

    private final List<Long> made = new ArrayList<>();

    private static Instant at(String local) {
        return LocalDateTime.parse(local.replace(' ', 'T')).atZone(PlatformZone.ZONE).toInstant();
    }

    @AfterEach
    void putTimeBackAndRemoveRequests() {
        clock.reset();
        for (long id : made) {
            for (String table : List.of("help_light_alert", "help_request_event", "help_request_pause", "help_request_supervision",
                    "help_request_document")) {
                jdbc.sql("delete from " + table + " where request_id = ?").param(id).update();
            }
            jdbc.sql("delete from help_request where id = ?").param(id).update();
        }
    }

    private HelpRequestView submitted(MemberView member, String subject) {
        HelpRequestView view = scenario.submit(member, HelpdeskScenario.consultation(subject));
        made.add(view.id());
        return view;
    }

    private String stored(long id) {
        return jdbc.sql("select light from help_request where id = ?").param(id).query(String.class).single();
    }

    private long events(long id, EventKind kind) {
        return jdbc.sql("select count(*) from help_request_event where request_id = ? and kind = ?").params(id, kind.name())
                .query(Long.class).single();
    }

    @Test
    void sevenWorkingDaysWithoutAnAnswerTurnYellowThenRedAndTheLevelAboveSupervises() {
        clock.set(at("2026-03-02 09:00"));
        OrganisationView township = scenario.newTownship();
        OrganisationView point = scenario.org(township.code() + "-E1");
        CurrentUser handler = scenario.staff(point.code());
        HelpRequestView request = submitted(scenario.member(point.code()), "七个工作日无人答复");
        assertThat(request.handlingOrgId()).isEqualTo(point.id());
        HelpRequestView complex = requests.changeDifficulty(scenario.staff(township.code()), request.id(), null,
                Difficulty.COMPLEX);
        assertThat(complex.firstResponseDue()).isEqualTo(at("2026-03-03 09:00"));
        assertThat(complex.resolutionDue()).as("15 working days").isEqualTo(at("2026-03-23 09:00"));
        assertThat(jdbc.sql("select resolution_due from help_request where id = ?").param(request.id())
                .query(java.sql.Timestamp.class).single().toInstant()).as("stored at the change").isEqualTo(at("2026-03-23 09:00"));

        job.evaluate();
        assertThat(stored(request.id())).isEqualTo("GREEN");
        assertThat(events(request.id(), EventKind.LIGHT_CHANGED)).as("a first green is no news").isZero();

        clock.set(workingTime.plus(at("2026-03-02 09:00"), 7, List.of()).minusSeconds(60));
        job.evaluate();
        assertThat(stored(request.id())).isEqualTo("GREEN");
        clock.set(workingTime.plus(at("2026-03-02 09:00"), 7, List.of()));
        assertThat(clock.instant()).isEqualTo(at("2026-03-11 09:00"));
        assertThat(requests.view(handler, request.id()).request().light()).as("the page knows before the job")
                .isEqualTo(Light.YELLOW);
        job.evaluate();
        assertThat(stored(request.id())).isEqualTo("YELLOW");
        assertThat(events(request.id(), EventKind.LIGHT_CHANGED)).isEqualTo(1);
        assertThat(requests.search(handler, HelpRequestQuery.open(), 0, 20).items())
                .filteredOn(r -> r.id() == request.id()).extracting(HelpRequestSummary::light).containsExactly(Light.YELLOW);

        clock.set(at("2026-03-16 09:00"));
        job.evaluate();
        assertThat(stored(request.id())).isEqualTo("RED");
        assertThat(events(request.id(), EventKind.LIGHT_CHANGED)).isEqualTo(2);
        assertThat(events(request.id(), EventKind.SUPERVISION_NOTICE)).isEqualTo(1);
        assertThat(jdbc.sql("select supervised from help_request where id = ?").param(request.id()).query(Boolean.class)
                .single()).isTrue();
        assertThat(jdbc.sql("select from_org_id from help_request_supervision where request_id = ? and automatic = true")
                .param(request.id()).query(Long.class).list()).as("the township above the service point supervises")
                .containsExactly(township.id());
        assertThat(jdbc.sql("select handling_org_id from help_request where id = ?").param(request.id()).query(Long.class)
                .single()).as("the handler stays responsible").isEqualTo(point.id());

        clock.set(at("2026-03-17 09:00"));
        job.evaluate();
        assertThat(events(request.id(), EventKind.SUPERVISION_NOTICE)).as("supervised once").isEqualTo(1);
        assertThat(events(request.id(), EventKind.LIGHT_CHANGED)).isEqualTo(2);
    }

    @Test
    void waitingForTheMemberHoldsTheLightAndMovesTheDeadline() {
        clock.set(at("2026-03-02 09:00"));
        OrganisationView township = scenario.newTownship();
        OrganisationView point = scenario.org(township.code() + "-E1");
        MemberView member = scenario.member(point.code());
        HelpRequestView request = submitted(member, "请补充材料");
        assertThat(request.resolutionDue()).isEqualTo(at("2026-03-09 09:00"));
        clock.set(at("2026-03-03 09:00"));
        requests.askMember(scenario.staff(point.code()), request.id(), null, "请上传劳动合同照片");
        clock.set(at("2026-03-20 09:00"));
        job.evaluate();
        assertThat(stored(request.id())).as("weeks of waiting for the member, still green").isEqualTo("GREEN");
        HelpRequestView answered = requests.addInformation(HelpdeskScenario.self(member), request.id(), "已上传");
        assertThat(answered.resolutionDue()).as("4 working days left from Friday 20 March 09:00")
                .isEqualTo(at("2026-03-26 09:00"));
    }

    @Autowired LightAlerts alerts;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void everyChangeOfColourAlertsTheHandlingOrganisationUntilItsStaffHaveSeenIt() throws Exception {
        clock.set(at("2026-03-02 09:00"));
        OrganisationView township = scenario.newTownship();
        OrganisationView point = scenario.org(township.code() + "-E1");
        OrganisationView neighbour = scenario.org(township.code() + "-C1");
        CurrentUser handler = scenario.staff(point.code());
        HelpRequestView request = submitted(scenario.member(point.code()), "变灯提醒承办单位");
        job.evaluate();
        assertThat(alerts.unseenCount(handler)).as("a first green is no news").isZero();

        clock.set(at("2026-03-06 10:00"));
        job.evaluate();
        assertThat(alerts.unseenCount(handler)).as("4 of 5 working days used").isEqualTo(1);
        assertThat(alerts.recent(handler, 10)).singleElement().satisfies(a -> {
            assertThat(a.requestId()).isEqualTo(request.id());
            assertThat(a.light()).isEqualTo(Light.YELLOW);
            assertThat(a.seenAt()).isNull();
        });
        assertThat(alerts.unseenCount(scenario.staff(neighbour.code()))).as("another service point's staff").isZero();
        assertThat(alerts.recent(scenario.staff(neighbour.code()), 10)).isEmpty();

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/console/helpdesk/alerts")
                        .with(org.gonghui.support.Fixtures.as(handler)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString(request.requestNo())))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("data-testid=\"alerts-unseen\"")));

        clock.set(at("2026-03-10 09:00"));
        job.evaluate();
        assertThat(alerts.unseenCount(handler)).as("yellow, then red").isEqualTo(2);
        assertThat(alerts.markAllSeen(handler)).isEqualTo(2);
        assertThat(alerts.unseenCount(handler)).isZero();
        assertThat(alerts.recent(handler, 10)).hasSize(2).allSatisfy(a -> assertThat(a.seenBy()).isEqualTo(handler.getUsername()));
        assertThat(jdbc.sql("select count(*) from help_request_event where request_id = ? and kind = 'LIGHT_CHANGED'")
                .param(request.id()).query(Long.class).single()).as("each alert has its line in the history").isEqualTo(2);
    }
}

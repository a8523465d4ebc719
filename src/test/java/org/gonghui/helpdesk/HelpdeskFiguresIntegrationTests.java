package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of a township with six requests received last month (one at 00:30 on the 1st, platform time), read
 * for the township itself (straight from the requests) and as a line of its district (closed requests of whole
 * months from the month figures): both agree, the API, the console and the Excel export show the same numbers,
 * and reopening or rating a closed request moves them at once.
 */
@IntegrationTest
class HelpdeskFiguresIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    HelpdeskScenario scenario;
    @Autowired
    HelpdeskFigures figures;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    OrganisationView township;
    OrganisationView district;
    LocalDate month;
    long boundary;
    long late;
    long red;

    @BeforeEach
    void sixRequestsLastMonth() {
        township = scenario.newTownship();
        district = scenario.org("NB-JB");
        month = PlatformZone.today().minusMonths(1).withDayOfMonth(1);
        String code = township.code();
        MemberView atCommunity = scenario.member(code + "-C1");
        MemberView atCompany = scenario.member(code + "-E1");
        // at the community station: on time (received 00:30 on the 1st), late, and a red complaint
        boundary = closed(scenario.submit(atCommunity, HelpdeskScenario.consultation("咨询一")), at(month, 0, 30),
                Duration.ofDays(2), true, Satisfaction.SATISFIED);
        late = closed(scenario.submit(atCommunity, HelpdeskScenario.consultation("咨询二")), at(month.plusDays(9), 10, 0),
                Duration.ofDays(8), false, Satisfaction.DISSATISFIED);
        red = open(scenario.submit(atCommunity, HelpdeskScenario.wagesComplaint("外包单位欠薪", false)),
                at(month.plusDays(2), 9, 0), Light.RED);
        // at the company: on time through the API, a yellow suggestion, on time but neither timed nor rated
        closed(scenario.requests.submit(HelpdeskScenario.self(atCompany), HelpdeskScenario.consultation("咨询三"), Channel.API),
                at(month.plusDays(19), 15, 0), Duration.ofDays(3), true, Satisfaction.BASICALLY_SATISFIED);
        open(scenario.submit(atCompany, new NewHelpRequest(RequestType.SUGGESTION, "SUGGEST_SERVICE", "建议延长服务时间",
                "周末也开放。", Map.of(), false, null)), at(month.plusDays(14), 11, 0), Light.YELLOW);
        closed(scenario.submit(atCompany, HelpdeskScenario.consultation("咨询四")), at(month.plusDays(27), 8, 0), null, true,
                null);
        // received this month: outside the period
        scenario.submit(atCommunity, HelpdeskScenario.consultation("咨询五"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void closingRatingAndReopeningThroughTheChainAreCounted() {
        OrganisationView place = scenario.newTownship();
        CurrentUser station = scenario.staff(place.code() + "-C1");
        MemberView member = scenario.member(place.code() + "-C1");
        // Monday 8 June 2026, 10:00: received; closed on Wednesday at 10:00 — two working days, within the five
        clock.set(LocalDate.of(2026, 6, 8).atTime(10, 0).atZone(PlatformZone.ZONE).toInstant());
        HelpRequestView first = scenario.submit(member, HelpdeskScenario.consultation("咨询甲"));
        HelpRequestView second = scenario.submit(member, new NewHelpRequest(RequestType.ASSISTANCE, "ASSIST_JOB",
                "求职帮助", "希望推荐工作。", Map.of(), false, null));
        clock.advance(Duration.ofDays(2));
        scenario.requests.close(station, first.id(), null, Outcome.RESOLVED, null, null);
        scenario.requests.close(station, second.id(), null, Outcome.RESOLVED, null, null);
        scenario.requests.rate(HelpdeskScenario.self(member), first.id(), Satisfaction.SATISFIED, null);
        scenario.requests.rate(HelpdeskScenario.self(member), second.id(), Satisfaction.DISSATISFIED, null);

        LocalDate june = LocalDate.of(2026, 6, 1);
        DeskFigures.Tally own = figures.figures(scenario.staff(place.code()), null, june, endOf(june)).total();
        assertThat(List.of(own.received(), own.closed(), own.open(), own.closedOnTime(), own.rated(), own.satisfied()))
                .containsExactly(2L, 1L, 1L, 1L, 1L, 1L); // the second reopened by 不满意
        assertThat(own.averageWorkingDaysToClose()).isEqualByComparingTo("2.0");
        assertThat(own.satisfactionRate()).isEqualByComparingTo("100.0");
        DeskFigures district = figures.figures(scenario.staff("NB-JB"), null, june, endOf(june));
        assertThat(district.units().stream().filter(u -> u.orgId() == place.id()).findFirst().orElseThrow().tally())
                .isEqualTo(own);
    }

    @Test
    void aDuplicateLinkedToTheOpenRequestIsNotCountedAgain() {
        OrganisationView place = scenario.newTownship();
        HelpdeskScenario.Person person = scenario.person(place.code() + "-C1");
        clock.set(LocalDate.of(2026, 7, 6).atTime(10, 0).atZone(PlatformZone.ZONE).toInstant());
        HelpRequestView first = scenario.submit(person.member(), HelpdeskScenario.wagesComplaint("拖欠工资", false));
        HelpRequestView again = scenario.submit(person.member(), HelpdeskScenario.wagesComplaint("还是拖欠工资", false));
        assertThat(again.duplicateOf()).isEqualTo(first.id());
        clock.advance(Duration.ofDays(1));
        scenario.requests.close(scenario.staff(place.code() + "-C1"), first.id(), null, Outcome.RESOLVED, null, null);

        LocalDate july = LocalDate.of(2026, 7, 1);
        DeskFigures.Tally own = figures.figures(scenario.staff(place.code()), null, july, endOf(july)).total();
        assertThat(List.of(own.received(), own.closed(), own.open())).as("the township's figures, read from the requests")
                .containsExactly(1L, 1L, 0L);
        DeskFigures district = figures.figures(scenario.staff("NB-JB"), null, july, endOf(july));
        assertThat(district.units().stream().filter(u -> u.orgId() == place.id()).findFirst().orElseThrow().tally())
                .as("the district's line, read from the month figures").isEqualTo(own);
    }

    @Test
    void countsTheTownshipsRequestsOfThePeriod() {
        DeskFigures f = figures.figures(scenario.staff(township.code()), null, month, endOf(month));
        DeskFigures.Tally t = f.total();
        assertThat(List.of(t.received(), t.open(), t.closed(), t.closedOnTime(), t.rated(), t.satisfied(), t.yellow(),
                t.red())).containsExactly(6L, 2L, 4L, 3L, 3L, 2L, 1L, 1L);
        assertThat(t.onTimeRate()).isEqualByComparingTo("75.0");
        assertThat(t.averageWorkingDaysToClose()).isEqualByComparingTo("4.3"); // (2 + 8 + 3) / 3 timed
        assertThat(t.satisfactionRate()).isEqualByComparingTo("66.7");

        assertThat(f.byType().get(RequestType.CONSULTATION).closed()).isEqualTo(4);
        assertThat(f.byType().get(RequestType.COMPLAINT).red()).isEqualTo(1);
        assertThat(f.byType().get(RequestType.SUGGESTION).yellow()).isEqualTo(1);
        assertThat(f.byType().get(RequestType.LEGAL_AID).received()).isZero();
        assertThat(f.byChannel().get(Channel.API).received()).isEqualTo(1);
        assertThat(f.byChannel().get(Channel.PORTAL).received()).isEqualTo(5);
        assertThat(f.byLight().get(Light.RED).open()).isEqualTo(1);
        assertThat(f.byLight().get(Light.YELLOW).open()).isEqualTo(1);
        assertThat(f.byLight().get(Light.GREEN).open()).isZero();

        // the community station (red) before the company (yellow)
        assertThat(f.units()).extracting(DeskFigures.Unit::name).containsExactly("测试社区" + township.code(),
                "测试企业" + township.code());
        assertThat(f.units().get(0).tally().received()).isEqualTo(3);
        assertThat(f.units().get(0).behind()).isTrue();

        assertThat(f.red()).singleElement().satisfies(level -> {
            assertThat(level.level()).isEqualTo(4);
            assertThat(level.count()).isEqualTo(1);
            assertThat(level.requests()).extracting(DeskFigures.RedRequest::id).containsExactly(red);
        });

        // from the 2nd: the request received at 00:30 on the 1st (platform time) is left out
        DeskFigures fromSecond = figures.figures(scenario.staff(township.code()), null, month.plusDays(1), endOf(month));
        assertThat(fromSecond.total().received()).isEqualTo(5);
        assertThat(fromSecond.total().closed()).isEqualTo(3);
    }

    @Test
    void theDistrictsLineForTheTownshipEqualsTheTownshipsOwnFigures() {
        CurrentUser head = scenario.staff("NB-JB");
        DeskFigures.Tally own = figures.figures(head, township.id(), month, endOf(month)).total();
        // a whole month (month figures), part of a month (requests), and both together
        assertThat(line(figures.figures(head, null, month, endOf(month)))).isEqualTo(own);
        assertThat(line(figures.figures(head, null, month.plusDays(1), endOf(month))).received()).isEqualTo(5);
        assertThat(line(figures.figures(head, null, month.minusDays(10), endOf(month)))).isEqualTo(own);
        assertThat(line(figures.figures(scenario.staff("NB"), district.id(), month, endOf(month)))).isEqualTo(own);
        // the city's line for the district holds the township
        DeskFigures city = figures.figures(scenario.staff("NB"), null, month, endOf(month));
        DeskFigures.Unit jiangbei = city.units().stream().filter(u -> u.orgId() == district.id()).findFirst().orElseThrow();
        assertThat(jiangbei.tally().received()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void reopeningAndRatingMoveTheFiguresAtOnce() {
        CurrentUser head = scenario.staff("NB-JB");
        jdbc.sql("update help_request set status = 'OPEN', light = 'GREEN', reopened = true where id = :id")
                .param("id", late).update();
        DeskFigures.Tally afterReopen = line(figures.figures(head, null, month, endOf(month)));
        assertThat(List.of(afterReopen.open(), afterReopen.closed(), afterReopen.rated())).containsExactly(3L, 3L, 2L);
        assertThat(afterReopen.averageWorkingDaysToClose()).isEqualByComparingTo("2.5");

        jdbc.sql("update help_request set status = 'CLOSED', light = null, satisfaction = 'SATISFIED' where id = :id")
                .param("id", late).update();
        DeskFigures.Tally afterRating = line(figures.figures(head, null, month, endOf(month)));
        assertThat(afterRating.satisfactionRate()).isEqualByComparingTo("100.0");
        assertThat(afterRating).isEqualTo(figures.figures(head, township.id(), month, endOf(month)).total());
    }

    @Test
    void theApiTheConsoleAndTheExportShowTheSameFigures() throws Exception {
        CurrentUser head = scenario.staff("NB-JB");
        String period = "orgId=" + township.id() + "&from=" + month + "&to=" + endOf(month);
        JsonNode api = JSON.readTree(mvc.perform(get("/api/v1/helpdesk/figures?" + period).with(Fixtures.as(head)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(api.get("total").get("received").asLong()).isEqualTo(6);

        List<List<String>> sheet = sheet(mvc.perform(get("/console/helpdesk/figures.xlsx?" + period).with(Fixtures.as(head)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        // header, total, 5 types, 4 channels, 3 lights, 2 organisations
        assertThat(sheet).hasSize(1 + 1 + 5 + 4 + 3 + 2);
        assertSameNumbers(sheet.get(1), api.get("total"));
        for (int i = 0; i < RequestType.values().length; i++) {
            assertSameNumbers(sheet.get(2 + i), api.get("byType").get(RequestType.values()[i].name()));
        }
        for (int i = 0; i < Channel.values().length; i++) {
            assertSameNumbers(sheet.get(7 + i), api.get("byChannel").get(Channel.values()[i].name()));
        }
        assertSameNumbers(sheet.get(14), api.get("units").get(0));
        assertSameNumbers(sheet.get(15), api.get("units").get(1));
        assertSameNumbers(sheet.get(13), api.get("byLight").get("RED"));

        List<List<String>> requests = sheet(mvc.perform(get("/console/helpdesk/requests.xlsx?" + period)
                .with(Fixtures.as(head))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(requests).hasSize(1 + 6);
        String all = requests.toString();
        assertThat(all).doesNotContain("外包单位欠薪").doesNotContain("三个月").contains("咨询一");
        int name = HelpdeskExports.REQUEST_COLUMNS.indexOf("name");
        assertThat(requests.subList(1, 7)).allSatisfy(row -> assertThat(row.get(name)).startsWith("求").contains("*"));

        String page = mvc.perform(get("/console/helpdesk/figures?" + period).with(Fixtures.as(head))
                .accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("测试社区" + township.code()).contains("data-testid=\"total-received\">6<");
    }

    @Test
    void figuresStayWithinTheUsersSubtreeAndRefuseABadPeriod() throws Exception {
        CurrentUser otherTownship = scenario.staff("NB-HS-T01");
        mvc.perform(get("/api/v1/helpdesk/figures?orgId=" + township.id()).with(Fixtures.as(otherTownship)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("organisation.not-found"));
        mvc.perform(get("/console/helpdesk/requests.xlsx?orgId=" + township.id()).with(Fixtures.as(otherTownship)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/helpdesk/figures").with(Fixtures.as(Fixtures.member(1))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/helpdesk/figures?from=2026-05-02&to=2026-05-01").with(Fixtures.as(otherTownship)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("helpdesk.figures.period"));
        mvc.perform(get("/api/v1/helpdesk/figures?from=1800-01-01").with(Fixtures.as(otherTownship)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/helpdesk/figures?from=yesterday").with(Fixtures.as(otherTownship)))
                .andExpect(status().isBadRequest());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> figures.figures(otherTownship, null,
                LocalDate.of(2000, 1, 1), LocalDate.of(2015, 1, 1))).isInstanceOf(DomainException.class);
    }

    // ---- helpers

    private DeskFigures.Tally line(DeskFigures f) {
        return f.units().stream().filter(u -> u.orgId() == township.id()).findFirst().orElseThrow().tally();
    }

    private static LocalDate endOf(LocalDate month) {
        return month.plusMonths(1).minusDays(1);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(PlatformZone.ZONE).toInstant();
    }

    /** Closes a request as if handled: received then, closed after {@code took} of working time, rated or not. */
    private long closed(HelpRequestView request, Instant received, Duration took, boolean onTime, Satisfaction rating) {
        Instant closedAt = received.plus(took == null ? Duration.ofDays(1) : took.multipliedBy(2));
        Instant due = onTime ? closedAt.plusSeconds(3600) : closedAt.minusSeconds(3600);
        jdbc.sql("""
                update help_request set status = 'CLOSED', outcome = 'RESOLVED', received_at = :received, closed_at = :closed,
                  resolution_due = :due, close_working_seconds = :took, satisfaction = :rating, light = null where id = :id""")
                .param("received", Timestamp.from(received)).param("closed", Timestamp.from(closedAt))
                .param("due", Timestamp.from(due)).param("took", took == null ? null : took.toSeconds())
                .param("rating", rating == null ? null : rating.name()).param("id", request.id()).update();
        return request.id();
    }

    private long open(HelpRequestView request, Instant received, Light light) {
        jdbc.sql("update help_request set received_at = :received, light = :light where id = :id")
                .param("received", Timestamp.from(received)).param("light", light.name()).param("id", request.id())
                .update();
        return request.id();
    }

    private static List<List<String>> sheet(byte[] xlsx) throws Exception {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    /** A figures line of the sheet holds the same numbers as the API's tally (or unit). */
    private static void assertSameNumbers(List<String> line, JsonNode node) {
        JsonNode tally = node.has("tally") ? node.get("tally") : node;
        List<String> columns = HelpdeskExports.FIGURE_COLUMNS;
        for (String field : List.of("received", "open", "closed", "closedOnTime", "onTimeRate",
                "averageWorkingDaysToClose", "rated", "satisfied", "satisfactionRate", "yellow", "red")) {
            String column = switch (field) {
                case "closedOnTime" -> "closed-on-time";
                case "onTimeRate" -> "on-time-rate";
                case "averageWorkingDaysToClose" -> "average-days";
                case "satisfactionRate" -> "satisfaction-rate";
                default -> field;
            };
            String cell = line.get(columns.indexOf(column));
            JsonNode value = tally.get(field);
            if (value == null || value.isNull()) {
                assertThat(cell).as(field).isEmpty();
            } else {
                assertThat(new BigDecimal(cell)).as(field).isEqualByComparingTo(value.decimalValue());
            }
        }
    }
}

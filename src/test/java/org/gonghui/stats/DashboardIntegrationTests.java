package org.gonghui.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 数说 dashboards from a test source: the roll-up against a brute-force sum, ratios from their parts, the
 * previous year and the change, scope, the frozen snapshot, the refresh's single transaction, the pages, the
 * drill-down, and the report and workbook against the API.
 */
@IntegrationTest
class DashboardIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired Organisations organisations;
    @Autowired Dashboards dashboards;
    @Autowired FigureRefresh refresh;
    @Autowired TestFigures figures;
    @Autowired FiguresWrittenProbe probe;
    @Autowired PlatformTime time;
    @Autowired AuditLog audit;

    @BeforeEach
    void switchTheTestSourceOn() {
        figures.activate();
    }

    @AfterEach
    void switchTheTestSourceOff() {
        figures.deactivate();
    }

    private OrganisationView org(String code) {
        return organisations.findByCode(code).orElseThrow();
    }

    private CurrentUser cityAdmin() {
        return Fixtures.staffAt(org("NB"), Role.ADMIN);
    }

    private static BigDecimal value(Dashboard d, String key) {
        return d.sections().stream().flatMap(s -> s.figures().stream()).filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow().value();
    }

    private static DashboardFigure figure(Dashboard d, String key) {
        return d.sections().stream().flatMap(s -> s.figures().stream()).filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow();
    }

    /** Random own figures at about two thirds of all organisations; returns them per organisation. */
    private Map<Long, Map<String, Long>> scatter(int year, long seed) {
        figures.clear(year);
        Random random = new Random(seed);
        Map<Long, Map<String, Long>> own = new HashMap<>();
        for (OrganisationView o : organisations.all()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            long asked = random.nextInt(50);
            Map<String, Long> values = Map.of(TestFigures.PEOPLE, (long) random.nextInt(1000),
                    TestFigures.PAID, (long) random.nextInt(1_000_000), TestFigures.ASKED, asked,
                    TestFigures.DONE, asked == 0 ? 0 : (long) random.nextInt((int) asked + 1));
            values.forEach((key, value) -> figures.put(year, o.id(), key, value));
            own.put(o.id(), values);
        }
        return own;
    }

    private static long bruteForce(Map<Long, Map<String, Long>> own, List<OrganisationView> all, OrganisationView of,
            String key) {
        return all.stream().filter(o -> o.path().startsWith(of.path()))
                .mapToLong(o -> own.getOrDefault(o.id(), Map.of()).getOrDefault(key, 0L)).sum();
    }

    @Test
    void everyOrganisationHoldsItsSubtreesSumAndRatiosComeFromTheirSummedParts() {
        int year = time.today().getYear();
        Map<Long, Map<String, Long>> own = scatter(year, 14L);
        Map<Long, Map<String, Long>> before = scatter(year - 1, 15L);
        refresh.refresh(year);
        refresh.refresh(year - 1);
        CurrentUser admin = cityAdmin();
        List<OrganisationView> all = organisations.all();
        assertThat(all).hasSizeGreaterThan(300);
        for (OrganisationView o : all) {
            Dashboard d = dashboards.dashboard(admin, o.id(), year);
            for (String key : List.of(TestFigures.PEOPLE, TestFigures.PAID, TestFigures.DONE, TestFigures.ASKED)) {
                assertThat(value(d, key)).as("%s of %s", key, o.code())
                        .isEqualByComparingTo(BigDecimal.valueOf(bruteForce(own, all, o, key)));
            }
            long done = bruteForce(own, all, o, TestFigures.DONE);
            long asked = bruteForce(own, all, o, TestFigures.ASKED);
            DashboardFigure rate = figure(d, TestFigures.RATE);
            if (asked == 0) {
                assertThat(rate.value()).isNull();
            } else {
                assertThat(rate.value()).as("rate of %s", o.code())
                        .isEqualByComparingTo(BigDecimal.valueOf(done).divide(BigDecimal.valueOf(asked), 4,
                                java.math.RoundingMode.HALF_UP));
            }
            DashboardFigure people = figure(d, TestFigures.PEOPLE);
            long previous = bruteForce(before, all, o, TestFigures.PEOPLE);
            assertThat(people.previous()).isEqualByComparingTo(BigDecimal.valueOf(previous));
            assertThat(people.change()).isEqualByComparingTo(people.value().subtract(BigDecimal.valueOf(previous)));
        }
        // a second refresh with one change writes only what changed
        OrganisationView township = org("NB-HS-T01");
        figures.put(year, township.id(), TestFigures.PEOPLE,
                own.getOrDefault(township.id(), Map.of()).getOrDefault(TestFigures.PEOPLE, 0L) + 7);
        FigureRefresh.Result again = refresh.refresh(year);
        assertThat(again.updated() + again.inserted()).isEqualTo(township.treePath().depth());
        assertThat(again.deleted()).isZero();
        assertThat(value(dashboards.dashboard(admin, org("NB-HS").id(), year), TestFigures.PEOPLE))
                .isEqualByComparingTo(BigDecimal.valueOf(bruteForce(own, all, org("NB-HS"), TestFigures.PEOPLE) + 7));
    }

    @Test
    void aFrozenYearNoLongerMovesWhileTheCurrentYearDoes() throws Exception {
        int frozen = 2019;
        int current = time.today().getYear();
        OrganisationView township = org("NB-JB-T02");
        figures.clear(frozen);
        figures.put(frozen, township.id(), TestFigures.PEOPLE, 40);
        figures.put(current, township.id(), TestFigures.PEOPLE, 10);
        refresh.refresh(current);
        CurrentUser admin = cityAdmin();
        long city = org("NB").id();

        assertThatThrownBy(() -> refresh.freeze(Fixtures.staffAt(org("NB-JB"), Role.ADMIN), frozen))
                .isInstanceOf(DomainException.class).extracting("kind").isEqualTo(DomainException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> refresh.freeze(admin, current))
                .isInstanceOf(DomainException.class).extracting("kind").isEqualTo(DomainException.Kind.INVALID);
        mvc.perform(post("/console/dashboard/freeze").param("year", String.valueOf(frozen)).with(csrf())
                .with(Fixtures.as(admin))).andExpect(status().is3xxRedirection());
        YearStatus status = refresh.status(frozen);
        assertThat(status.frozen()).isTrue();
        assertThat(audit.search(new AuditLog.AuditQuery(null, "dashboard.freeze", "dashboard_year",
                String.valueOf(frozen), null, null), 0, 10).items()).isNotEmpty();
        BigDecimal before = value(dashboards.dashboard(admin, city, frozen), TestFigures.PEOPLE);
        assertThat(before).isGreaterThanOrEqualTo(BigDecimal.valueOf(40));

        figures.put(frozen, township.id(), TestFigures.PEOPLE, 4000);
        figures.put(current, township.id(), TestFigures.PEOPLE, 1000);
        assertThat(refresh.refresh(frozen).skipped()).isTrue();
        BigDecimal currentBefore = value(dashboards.dashboard(admin, township.id(), current), TestFigures.PEOPLE);
        refresh.refreshRecent();
        assertThat(value(dashboards.dashboard(admin, city, frozen), TestFigures.PEOPLE)).isEqualByComparingTo(before);
        assertThat(refresh.status(frozen).frozenAt()).isEqualTo(status.frozenAt());
        assertThat(value(dashboards.dashboard(admin, township.id(), current), TestFigures.PEOPLE))
                .isEqualByComparingTo(currentBefore.add(BigDecimal.valueOf(990)));
        // freezing again changes nothing either
        refresh.freeze(admin, frozen);
        assertThat(value(dashboards.dashboard(admin, city, frozen), TestFigures.PEOPLE)).isEqualByComparingTo(before);
        mvc.perform(get("/api/v1/dashboards/{id}", city).param("year", String.valueOf(frozen)).with(Fixtures.as(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status.frozen").value(true))
                .andExpect(jsonPath("$.status.frozenAt").isNotEmpty());
    }

    @Test
    void aReaderDuringARefreshSeesTheYearBeforeIt() throws Exception {
        int year = time.today().getYear();
        OrganisationView district = org("NB-YZ");
        OrganisationView township = org("NB-YZ-T03");
        CurrentUser admin = cityAdmin();
        refresh.refresh(year);
        BigDecimal old = value(dashboards.dashboard(admin, district.id(), year), TestFigures.PEOPLE);
        BigDecimal oldTownship = value(dashboards.dashboard(admin, township.id(), year), TestFigures.PEOPLE);
        figures.put(year, township.id(), TestFigures.PEOPLE, figureOwn(township, year) + 500);

        CompletableFuture<BigDecimal[]> seen = new CompletableFuture<>();
        probe.arm(year, () -> {
            // the refresh has written every row of the year but not committed: another connection reads
            CompletableFuture<BigDecimal[]> reader = CompletableFuture.supplyAsync(() -> new BigDecimal[] {
                    value(dashboards.dashboard(admin, district.id(), year), TestFigures.PEOPLE),
                    value(dashboards.dashboard(admin, township.id(), year), TestFigures.PEOPLE)});
            try {
                seen.complete(reader.get(20, TimeUnit.SECONDS));
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        FigureRefresh.Result result = refresh.refresh(year);
        assertThat(result.updated()).isGreaterThanOrEqualTo(3);
        BigDecimal[] during = seen.get(30, TimeUnit.SECONDS);
        assertThat(during[0]).isEqualByComparingTo(old);
        assertThat(during[1]).isEqualByComparingTo(oldTownship);
        assertThat(value(dashboards.dashboard(admin, district.id(), year), TestFigures.PEOPLE))
                .isEqualByComparingTo(old.add(BigDecimal.valueOf(500)));
    }

    @Test
    void staffSeeOnlyTheirSubtreeAndMembersNothing() throws Exception {
        OrganisationView haishu = org("NB-HS");
        OrganisationView t1 = org("NB-HS-T01");
        OrganisationView t2 = org("NB-HS-T02");
        CurrentUser township = Fixtures.staffAt(t1, Role.STAFF);
        CurrentUser district = Fixtures.staffAt(haishu, Role.STAFF);
        // pages
        mvc.perform(get("/console/dashboard").with(Fixtures.as(township))).andExpect(status().isOk());
        mvc.perform(get("/console/dashboard/{id}", t1.id()).with(Fixtures.as(township))).andExpect(status().isOk());
        mvc.perform(get("/console/dashboard/{id}", haishu.id()).with(Fixtures.as(township))).andExpect(status().isNotFound());
        mvc.perform(get("/console/dashboard/{id}", t2.id()).with(Fixtures.as(township))).andExpect(status().isNotFound());
        mvc.perform(get("/console/dashboard/{id}/figure/{key}", haishu.id(), TestFigures.PEOPLE).with(Fixtures.as(township)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/dashboard/{id}/report", t2.id()).with(Fixtures.as(township))).andExpect(status().isNotFound());
        mvc.perform(get("/console/dashboard/{id}/report.xlsx", haishu.id()).with(Fixtures.as(township)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/dashboard/{id}", t2.id()).with(Fixtures.as(district))).andExpect(status().isOk());
        mvc.perform(get("/console/dashboard/{id}/figure/{key}", haishu.id(), TestFigures.PEOPLE).with(Fixtures.as(district)))
                .andExpect(status().isOk());
        mvc.perform(get("/console/dashboard/{id}", org("NB").id()).with(Fixtures.as(district))).andExpect(status().isNotFound());
        // API
        mvc.perform(get("/api/v1/dashboards/{id}", haishu.id()).with(Fixtures.as(township))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dashboards/{id}", t2.id()).with(Fixtures.as(township))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dashboards/{id}/figures/{key}", haishu.id(), TestFigures.PEOPLE).with(Fixtures.as(township)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dashboards/{id}", t1.id()).with(Fixtures.as(township))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/dashboards/{id}/figures/{key}", haishu.id(), TestFigures.PEOPLE).with(Fixtures.as(district)))
                .andExpect(status().isOk());
        // members and merchants never; refreshing and freezing only for the city admin
        CurrentUser member = Fixtures.member(1L);
        // the console sends a member away to the portal, as every console page does
        mvc.perform(get("/console/dashboard").with(Fixtures.as(member))).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("/console"));
        mvc.perform(get("/api/v1/dashboards/{id}", t1.id()).with(Fixtures.as(member))).andExpect(status().isForbidden());
        mvc.perform(post("/console/dashboard/refresh").with(csrf()).with(Fixtures.as(Fixtures.staffAt(haishu, Role.ADMIN))))
                .andExpect(status().is3xxRedirection());
        assertThatThrownBy(() -> refresh.refreshNow(Fixtures.staffAt(haishu, Role.ADMIN)))
                .isInstanceOf(DomainException.class).extracting("kind").isEqualTo(DomainException.Kind.FORBIDDEN);
    }

    @Test
    void badYearsKeysAndOrganisationsAreLocalisedRefusals() throws Exception {
        CurrentUser admin = cityAdmin();
        long city = org("NB").id();
        int next = time.today().getYear() + 1;
        mvc.perform(get("/api/v1/dashboards/{id}", city).param("year", "abc").with(Fixtures.as(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/dashboards/{id}", city).param("year", String.valueOf(next)).with(Fixtures.as(admin))
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.containsString("must lie between")));
        mvc.perform(get("/api/v1/dashboards/{id}", city).param("year", "1999").with(Fixtures.as(admin)))
                .andExpect(status().isBadRequest()).andExpect(content().string(org.hamcrest.Matchers.containsString("年份")));
        mvc.perform(get("/api/v1/dashboards/{id}", "x1").with(Fixtures.as(admin))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/dashboards/{id}", 987_654_321L).with(Fixtures.as(admin))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/dashboards/{id}/figures/{key}", city, "no.such.figure").with(Fixtures.as(admin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/dashboard/{id}", city).param("year", "20x6").with(Fixtures.as(admin)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console/dashboard/{id}/figure/{key}", city, "no.such.figure").with(Fixtures.as(admin)))
                .andExpect(status().isNotFound());
    }

    @Test
    void thePageTheDrillDownTheReportAndTheWorkbookShowTheApisNumbers() throws Exception {
        int year = time.today().getYear();
        OrganisationView haishu = org("NB-HS");
        scatter(year, 41L);
        scatter(year - 1, 42L);
        refresh.refresh(year);
        refresh.refresh(year - 1);
        CurrentUser district = Fixtures.staffAt(haishu, Role.STAFF);

        String api = mvc.perform(get("/api/v1/dashboards/{id}", haishu.id()).param("year", String.valueOf(year))
                .with(Fixtures.as(district))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Dashboard d = dashboards.dashboard(district, haishu.id(), year);
        DashboardFigure people = figure(d, TestFigures.PEOPLE);
        DashboardFigure paid = figure(d, TestFigures.PAID);
        DashboardFigure rate = figure(d, TestFigures.RATE);
        String path = "$.sections[?(@.name == 'testfigures')].figures[?(@.key == '%s')].%s";
        assertThat(((List<?>) JsonPath.read(api, path.formatted(TestFigures.PEOPLE, "value"))).get(0).toString())
                .isEqualTo(people.value().toPlainString());
        assertThat(((List<?>) JsonPath.read(api, path.formatted(TestFigures.PEOPLE, "previous"))).get(0).toString())
                .isEqualTo(people.previous().toPlainString());
        assertThat(((List<?>) JsonPath.read(api, path.formatted(TestFigures.PAID, "value"))).get(0).toString())
                .isEqualTo(paid.value().toPlainString());
        assertThat(new BigDecimal(((List<?>) JsonPath.read(api, path.formatted(TestFigures.RATE, "value"))).get(0).toString()))
                .isEqualByComparingTo(rate.value());
        assertThat((Boolean) JsonPath.read(api, "$.status.frozen")).isFalse();
        assertThat((String) JsonPath.read(api, "$.status.refreshedAt")).isNotBlank();

        // the page: each figure with its previous year
        Document page = Jsoup.parse(mvc.perform(get("/console/dashboard/{id}", haishu.id()).param("year", String.valueOf(year))
                .with(Fixtures.as(district))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        var row = page.selectFirst("tr[data-key='" + TestFigures.PEOPLE + "']");
        assertThat(row.selectFirst("[data-testid=figure-value]").text())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%,d", people.value().longValue()));
        assertThat(row.selectFirst("[data-testid=figure-previous]").text())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%,d", people.previous().longValue()));
        assertThat(page.selectFirst("tr[data-key='" + TestFigures.PAID + "'] [data-testid=figure-value]").text())
                .isEqualTo("¥" + String.format(java.util.Locale.ROOT, "%,.2f", paid.value().movePointLeft(2)));
        assertThat(page.select("[data-testid=dashboard-status]").text()).isNotBlank();
        assertThat(page.select("[data-testid=dashboard-admin]")).isEmpty();

        // the drill-down: every township of the district, with the API's numbers
        String children = mvc.perform(get("/api/v1/dashboards/{id}/figures/{key}", haishu.id(), TestFigures.PEOPLE)
                .param("year", String.valueOf(year)).with(Fixtures.as(district)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<OrganisationView> townships = organisations.children(haishu.id());
        assertThat((List<?>) JsonPath.read(children, "$.children")).hasSize(townships.size());
        assertThat(JsonPath.read(children, "$.total.value").toString()).isEqualTo(people.value().toPlainString());
        Map<String, String> apiChildren = new HashMap<>();
        long sum = 0;
        for (OrganisationView t : townships) {
            String v = ((List<?>) JsonPath.read(children, "$.children[?(@.orgId == " + t.id() + ")].figure.value")).get(0)
                    .toString();
            apiChildren.put(t.name(), v);
            sum += Long.parseLong(v);
            assertThat(v).isEqualTo(value(dashboards.dashboard(district, t.id(), year), TestFigures.PEOPLE).toPlainString());
        }
        assertThat(sum).isEqualTo(people.value().longValue() - figureOwn(haishu, year));
        Document drill = Jsoup.parse(mvc.perform(get("/console/dashboard/{id}/figure/{key}", haishu.id(), TestFigures.PEOPLE)
                .param("year", String.valueOf(year)).with(Fixtures.as(district)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(drill.select("[data-testid=child-row]")).hasSize(townships.size());
        for (var line : drill.select("[data-testid=child-row]")) {
            String name = line.selectFirst("[data-testid=child-link]").text();
            assertThat(line.selectFirst("[data-testid=child-value]").text().replace(",", "")).isEqualTo(apiChildren.get(name));
        }

        // the printable report
        Document report = Jsoup.parse(mvc.perform(get("/console/dashboard/{id}/report", haishu.id())
                .param("year", String.valueOf(year)).with(Fixtures.as(district)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(report.select("nav.gh-console-nav")).isEmpty();
        assertThat(report.selectFirst("tr[data-key='" + TestFigures.PEOPLE + "'] [data-testid=report-value]").text())
                .isEqualTo(row.selectFirst("[data-testid=figure-value]").text());
        assertThat(report.selectFirst("[data-testid=report-status]").text()).isNotBlank();

        // the workbook: a sheet per section and one of the children
        byte[] xlsx = mvc.perform(get("/console/dashboard/{id}/report.xlsx", haishu.id()).param("year", String.valueOf(year))
                .with(Fixtures.as(district))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(d.sections().size() + 1);
            Sheet section = book.getSheet(TestFigures.SECTION);
            Map<String, Row> byKey = new HashMap<>();
            for (int r = 3; r <= section.getLastRowNum(); r++) {
                byKey.put(section.getRow(r).getCell(1).getStringCellValue(), section.getRow(r));
            }
            assertThat(byKey.get(TestFigures.PEOPLE).getCell(2).getNumericCellValue()).isEqualTo(people.value().doubleValue());
            assertThat(byKey.get(TestFigures.PEOPLE).getCell(3).getNumericCellValue()).isEqualTo(people.previous().doubleValue());
            assertThat(byKey.get(TestFigures.PAID).getCell(2).getNumericCellValue())
                    .isEqualTo(paid.value().movePointLeft(2).doubleValue());
            assertThat(byKey.get(TestFigures.RATE).getCell(2).getNumericCellValue())
                    .isEqualTo(rate.value().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue());
            Sheet kids = book.getSheetAt(book.getNumberOfSheets() - 1);
            int column = -1;
            for (int c = 1; c < kids.getRow(2).getLastCellNum(); c++) {
                if (kids.getRow(2).getCell(c).getStringCellValue().startsWith(TestFigures.PEOPLE + " ")) {
                    column = c;
                }
            }
            assertThat(column).isPositive();
            assertThat(kids.getLastRowNum() - 2).isEqualTo(townships.size());
            for (int r = 3; r <= kids.getLastRowNum(); r++) {
                Row line = kids.getRow(r);
                String name = line.getCell(0).getStringCellValue();
                double v = line.getCell(column) == null ? 0 : line.getCell(column).getNumericCellValue();
                assertThat(v).as(name).isEqualTo(Double.parseDouble(apiChildren.get(name)));
            }
        }
    }

    /** The organisation's own figure (not its subtree's): the test source's value for it. */
    private long figureOwn(OrganisationView org, int year) {
        long[] own = {0};
        figures.collect(year, (o, key, v) -> {
            if (o == org.id() && key.equals(TestFigures.PEOPLE)) {
                own[0] += v;
            }
        });
        return own[0];
    }
}

package org.gonghui.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark, not a test (never run by the build; see docs/dashboards.md for the command): builds a tree of
 * {@code bench.districts} districts, {@code bench.townships} townships and {@code bench.points} service points
 * under the demo city, puts {@code bench.keys} figures (default 60) at every organisation for this year and the
 * last, and measures the refresh (roll-up and the year's write, first and with 1% of the figures changed), then the
 * first open of the city's and a district's dashboard and of a figure's drill-down (the pages' service calls, no
 * cache), p50/p95 over {@code bench.runs} runs. Figures go to stdout and target/dashboard-benchmark.txt.
 */
@IntegrationTest
class DashboardBenchmark {

    @Autowired Organisations organisations;
    @Autowired Dashboards dashboards;
    @Autowired FigureRefresh refresh;
    @Autowired PlatformTime time;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestFigures figures;

    private final int districtCount = Integer.getInteger("bench.districts", 16);
    private final int townshipCount = Integer.getInteger("bench.townships", 152);
    private final int pointCount = Integer.getInteger("bench.points", 10_300);
    private final int keyCount = Integer.getInteger("bench.keys", 60);
    private final int runs = Integer.getInteger("bench.runs", 50);

    @BeforeEach
    void switchTheTestSourceOn() {
        figures.activate();
    }

    @AfterEach
    void switchTheTestSourceOff() {
        figures.deactivate();
    }

    private final Random random = new Random(14);
    private final List<OrganisationView> districts = new ArrayList<>();
    private final List<OrganisationView> townships = new ArrayList<>();
    private OrganisationView city;

    @Test
    void loadAndMeasure() {
        report("== dashboard benchmark: %d districts, %d townships, %,d service points, %d figures × 2 years, %d runs, %s",
                districtCount, townshipCount, pointCount, keyCount, runs, TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
        long t0 = System.nanoTime();
        tree();
        report("setup: tree of %,d new organisations in %.1f s (not a figure)", districtCount + townshipCount + pointCount,
                (System.nanoTime() - t0) / 1e9);

        int year = time.today().getYear();
        Map<Long, FigureRefresh.Node> tree = refresh.tree();
        List<String> keys = new ArrayList<>();
        keys.addAll(List.of(TestFigures.PEOPLE, TestFigures.PAID, TestFigures.DONE, TestFigures.ASKED));
        for (int k = keys.size(); k < keyCount; k++) {
            keys.add(String.format("bench.k%02d", k));
        }
        for (int y : new int[] {year - 1, year}) {
            FigureRefresh.Collected collected = collected(tree, keys);
            long t = System.nanoTime();
            Map<Long, Map<String, Long>> totals = FigureRefresh.rollUp(collected.own(), tree);
            report("REFRESH %d roll-up of %,d organisations' own figures over %,d organisations: %.0f ms (%,d subtree totals)",
                    y, collected.own().size(), tree.size(), (System.nanoTime() - t) / 1e6,
                    totals.values().stream().mapToInt(Map::size).sum());
            t = System.nanoTime();
            FigureRefresh.Result first = refresh.write(y, null, collected, tree, t, time.now());
            report("REFRESH %d first write (roll-up + one transaction): %.0f ms, %s", y, (System.nanoTime() - t) / 1e6, first);
            // a later refresh: 1% of the organisations' figures changed
            for (Map<String, Long> values : collected.own().values()) {
                if (random.nextInt(100) == 0) {
                    values.replaceAll((key, v) -> v + 1);
                }
            }
            t = System.nanoTime();
            FigureRefresh.Result again = refresh.write(y, null, collected, tree, t, time.now());
            report("REFRESH %d again, 1%% changed (roll-up + one transaction): %.0f ms, %s", y,
                    (System.nanoTime() - t) / 1e6, again);
        }
        if (TestDatabase.isPostgres()) {
            jdbc.execute("vacuum analyze dashboard_figure");
        }

        CurrentUser cityStaff = Fixtures.staffAt(city, Role.STAFF);
        latency("DASHBOARD city, first open", () -> dashboards.dashboard(cityStaff, null, year).sections().size());
        latency("DASHBOARD district, first open", () -> {
            OrganisationView d = districts.get(random.nextInt(districts.size()));
            return dashboards.dashboard(Fixtures.staffAt(d, Role.STAFF), null, year).sections().size();
        });
        latency("DRILL-DOWN city → districts, one figure", () -> dashboards.children(cityStaff, city.id(), anyKey(), year)
                .children().size());
        latency("DRILL-DOWN township → service points, one figure", () -> {
            OrganisationView t = townships.get(random.nextInt(townships.size()));
            return dashboards.children(cityStaff, t.id(), anyKey(), year).children().size();
        });
        report("stored figures: %,d rows", jdbc.queryForObject("select count(*) from dashboard_figure", Long.class));
    }

    /** A figure the (test) catalogue defines; the benchmark's other keys are stored and read, but not defined. */
    private static String anyKey() {
        return TestFigures.PEOPLE;
    }

    private FigureRefresh.Collected collected(Map<Long, FigureRefresh.Node> tree, List<String> keys) {
        Map<Long, Map<String, Long>> own = new HashMap<>();
        for (long id : tree.keySet()) {
            Map<String, Long> values = new HashMap<>();
            for (String key : keys) {
                values.put(key, (long) random.nextInt(10_000));
            }
            own.put(id, values);
        }
        Set<String> keySet = new HashSet<>(keys);
        return new FigureRefresh.Collected(own, keySet, List.of());
    }

    private void latency(String what, Supplier<Object> call) {
        for (int i = 0; i < 3; i++) {
            call.get();
        }
        double[] ms = new double[runs];
        Object last = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            last = call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        report("%-55s median %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d runs; last answer %s)", what, ms[ms.length / 2],
                ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1], runs, last);
    }

    private void tree() {
        city = organisations.findByCode("NB").orElseThrow();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        for (int d = 0; d < districtCount; d++) {
            districts.add(organisations.create(city.treePath(), city.id(), OrganisationKind.DISTRICT,
                    "数说区" + run + "-" + d, "DD" + run + "-" + d));
        }
        for (int t = 0; t < townshipCount; t++) {
            townships.add(organisations.create(city.treePath(), districts.get(t % districts.size()).id(),
                    OrganisationKind.TOWNSHIP, "数说街道" + run + "-" + t, "DT" + run + "-" + t));
        }
        for (int p = 0; p < pointCount; p++) {
            organisations.create(city.treePath(), townships.get(p % townships.size()).id(),
                    p % 3 == 0 ? OrganisationKind.COMMUNITY : OrganisationKind.ENTERPRISE,
                    "数说服务站" + run + "-" + p, "DP" + run + "-" + p);
        }
    }

    private static void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/dashboard-benchmark.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.gonghui.helpdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.gonghui.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark, not a test (never run by the build; see docs/helpdesk-benchmarks.md for the command): loads
 * {@code bench.requests} help requests (default 1,000,000) received over three years, about {@code bench.open}
 * (30,000) of them open, over a generated tree of {@code bench.districts} districts, {@code bench.townships}
 * townships and {@code bench.points} service points under the city; then measures the open lists of a district and
 * a township sorted by urgency (first page), and the figures of the city, a district and a township for a year.
 * Figures go to stdout and target/helpdesk-benchmark.txt.
 */
@IntegrationTest
class HelpdeskBenchmark {

    @Autowired
    Organisations organisations;
    @Autowired
    HelpRequests requests;
    @Autowired
    HelpdeskFigures figures;
    @Autowired
    HelpdeskFigureTables figureTables;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    PlatformTime time;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LightJob lightJob;
    @Autowired
    TestClock clock;

    private final int total = Integer.getInteger("bench.requests", 1_000_000);
    private final int openTarget = Integer.getInteger("bench.open", 30_000);
    private final int districtCount = Integer.getInteger("bench.districts", 10);
    private final int townshipCount = Integer.getInteger("bench.townships", 150);
    private final int pointCount = Integer.getInteger("bench.points", 3_000);
    private final int runs = Integer.getInteger("bench.runs", 50);
    private final int lightRuns = Integer.getInteger("bench.lightRuns", 7);

    private static final String[] SUBTYPES = {"CONSULT_POLICY", "ASSIST_HARDSHIP", "COMPLAINT_WAGES", "LEGAL_CONSULT",
            "SUGGEST_SERVICE"};

    private final Random random = new Random(12351);
    private final List<OrganisationView> districts = new ArrayList<>();
    private final List<OrganisationView> townships = new ArrayList<>();
    private final List<OrganisationView> points = new ArrayList<>();
    private OrganisationView city;

    @Test
    void loadAndMeasure() {
        report("== help desk benchmark: %,d requests over three years (about %,d open), %d districts, %d townships, "
                + "%,d service points, %d runs per figure, %s", total, openTarget, districtCount, townshipCount, pointCount,
                runs, TestDatabase.isPostgres() ? "PostgreSQL" : "H2");
        long t0 = System.nanoTime();
        tree();
        report("setup: tree of %,d organisations in %.1f s (not a figure)", districts.size() + townships.size()
                + points.size(), seconds(t0));
        long t1 = System.nanoTime();
        int open = load();
        report("setup: %,d requests (%,d open) and their history loaded in %.1f s (not a figure)", total, open, seconds(t1));

        try {
            lightJob();
            measure();
        } finally {
            clock.reset();
        }
    }

    /**
     * The traffic-light job over every open request. The first run after loading catches up (the loaded deadlines
     * and lights are only approximations of the calendar's); then each run follows a day of working time (the test
     * clock moved on by a day), so hundreds of lights change and new reds are put under supervision every run —
     * more than the once-a-minute job meets in production.
     */
    private void lightJob() {
        clock.set(time.now());
        long t = System.nanoTime();
        LightJob.Run first = lightJob.evaluate();
        report("LIGHT JOB first run after loading (catch-up): %.0f ms, %s", (System.nanoTime() - t) / 1e6, first);
        double[] ms = new double[lightRuns];
        for (int i = 0; i < lightRuns; i++) {
            clock.advance(Duration.ofDays(1));
            long start = System.nanoTime();
            LightJob.Run run = lightJob.evaluate();
            ms[i] = (System.nanoTime() - start) / 1e6;
            report("LIGHT JOB run %d (a day later): %.0f ms, %s", i + 1, ms[i], run);
        }
        Arrays.sort(ms);
        report("%-60s median %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d runs)", "LIGHT JOB every open request, new reds "
                + "supervised", ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1], lightRuns);
        if (TestDatabase.isPostgres()) {
            // the runs rewrote tens of thousands of open rows; production's autovacuum would have visited them since
            // (index-only scans of the open-requests indexes need the visibility map), this machine's runs without it
            jdbc.execute("vacuum analyze help_request");
        }
    }

    private void measure() {
        CurrentUser cityStaff = Fixtures.staffAt(city, Role.STAFF);
        LocalDate today = time.today();
        LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
        LocalDate yearAgo = lastMonthEnd.plusDays(1).minusYears(1);

        latency("OPEN LIST district, first page of 20 by urgency", () -> {
            OrganisationView d = pick(districts);
            return requests.search(Fixtures.staffAt(d, Role.STAFF), HelpRequestQuery.open(), 0, 20).items().size();
        });
        latency("OPEN LIST township, first page of 20 by urgency", () -> {
            OrganisationView t = pick(townships);
            return requests.search(Fixtures.staffAt(t, Role.STAFF), HelpRequestQuery.open(), 0, 20).items().size();
        });
        for (String[] period : new String[][] {{"the last 12 whole months", yearAgo.toString(), lastMonthEnd.toString()},
                {"this year up to today", today.withDayOfYear(1).toString(), today.toString()}}) {
            LocalDate from = LocalDate.parse(period[1]);
            LocalDate to = LocalDate.parse(period[2]);
            latency("FIGURES city, " + period[0], () -> figures.figures(cityStaff, null, from, to).total().received());
            latency("FIGURES district, " + period[0], () -> {
                OrganisationView d = pick(districts);
                return figures.figures(Fixtures.staffAt(d, Role.STAFF), null, from, to).total().received();
            });
            latency("FIGURES township, " + period[0], () -> {
                OrganisationView t = pick(townships);
                return figures.figures(Fixtures.staffAt(t, Role.STAFF), null, from, to).total().received();
            });
        }
        DeskFigures f = figures.figures(cityStaff, null, yearAgo, lastMonthEnd);
        report("the city's figures, %s to %s: %s", yearAgo, lastMonthEnd, f.total());
        f.byType().forEach((type, tally) -> report("  %-12s %s", type, tally));
        f.byChannel().forEach((channel, tally) -> report("  %-12s %s", channel, tally));
        f.byLight().forEach((light, tally) -> report("  %-12s open %,d", light, tally.open()));
        f.red().forEach(level -> report("  red at level %d: %,d", level.level(), level.count()));
    }

    /** Runs the call {@code runs} times (after three untimed warm-up calls) and reports median and p95. */
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
        report("%-60s median %7.1f ms  p95 %7.1f ms  max %7.1f ms  (%d runs; last answer %s)", what, ms[ms.length / 2],
                ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1], runs, last);
    }

    // ---- setup

    private void tree() {
        city = organisations.findByCode("NB").orElseThrow();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
        for (int d = 0; d < districtCount; d++) {
            districts.add(organisations.create(city.treePath(), city.id(), OrganisationKind.DISTRICT,
                    "基准区" + run + "-" + d, "BD" + run + "-" + d));
        }
        for (int t = 0; t < townshipCount; t++) {
            OrganisationView district = districts.get(t % districts.size());
            townships.add(organisations.create(city.treePath(), district.id(), OrganisationKind.TOWNSHIP,
                    "基准街道" + run + "-" + t, "BT" + run + "-" + t));
        }
        for (int p = 0; p < pointCount; p++) {
            OrganisationView township = townships.get(p % townships.size());
            points.add(organisations.create(city.treePath(), township.id(), p % 3 == 0 ? OrganisationKind.COMMUNITY
                    : OrganisationKind.ENTERPRISE, "基准服务站" + run + "-" + p, "BP" + run + "-" + p));
        }
    }

    /**
     * Requests received uniformly over the last three years; those of the last 40 days mostly still open, a few
     * older ones too (hard cases); closed ones took a log-normal working time (median ≈ 3 working days, ~8% late)
     * and were mostly rated. Loaded with plain batched inserts, the month-figures trigger off (then counted once).
     */
    private int load() {
        Instant now = time.now();
        String content = cipher.encrypt("基准诉求内容");
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        if (TestDatabase.isPostgres()) {
            jdbc.execute("alter table help_request disable trigger user");
        }
        List<Object[]> rows = new ArrayList<>(1000);
        int open = 0;
        double openShare = Math.min(1.0, openTarget / (total * 40.0 / 1095.0) * 0.97);
        for (int i = 0; i < total; i++) {
            double ageDays = random.nextDouble() * 1095;
            Instant received = now.minusSeconds((long) (ageDays * 86_400));
            boolean isOpen = ageDays < 40 ? random.nextDouble() < openShare : random.nextDouble() < 0.001;
            open += isOpen ? 1 : 0;
            rows.add(row(run, i, content, received, ageDays, isOpen, now));
            if (rows.size() == 1000) {
                insert(rows);
            }
        }
        insert(rows);
        jdbc.update("""
                insert into help_request_event (request_id, at, actor, actor_org_id, kind, visible_to_member)
                select id, received_at, registered_by, handling_org_id,
                  case when channel in ('WINDOW', 'HOTLINE') then 'REGISTERED' else 'SUBMITTED' end, true
                from help_request where request_no like ?""", "12351-B" + run + "-%");
        jdbc.update("""
                insert into help_request_event (request_id, at, actor, actor_org_id, kind, visible_to_member)
                select id, first_response_at, 'bench', handling_org_id, 'REPLY', true
                from help_request where request_no like ? and first_response_at is not null""", "12351-B" + run + "-%");
        jdbc.update("""
                insert into help_request_event (request_id, at, actor, actor_org_id, kind, visible_to_member)
                select id, closed_at, 'bench', handling_org_id, 'CLOSED', true
                from help_request where request_no like ? and status = 'CLOSED'""", "12351-B" + run + "-%");
        if (TestDatabase.isPostgres()) {
            jdbc.execute("alter table help_request enable trigger user");
        }
        long t = System.nanoTime();
        figureTables.rebuild();
        report("setup: month figures counted in %.1f s (not a figure)", seconds(t));
        if (TestDatabase.isPostgres()) {
            // production's autovacuum would have done this; this machine's PostgreSQL runs without it
            jdbc.execute("vacuum analyze help_request");
            jdbc.execute("vacuum analyze help_request_event");
            jdbc.execute("vacuum analyze help_request_month_figures");
            jdbc.execute("analyze organisation");
        }
        return open;
    }

    private Object[] row(String run, int i, String content, Instant received, double ageDays, boolean open, Instant now) {
        int typeIndex = pickWeighted(45, 20, 15, 10, 10);
        RequestType type = RequestType.values()[typeIndex];
        Channel channel = Channel.values()[pickWeighted(25, 25, 10, 40)];
        Difficulty difficulty = Difficulty.values()[pickWeighted(80, 15, 5)];
        OrganisationView handler = switch (pickWeighted(800, 170, 25, 5)) {
            case 0 -> pick(points);
            case 1 -> pick(townships);
            case 2 -> pick(districts);
            default -> city;
        };
        int resolutionDays = difficulty == Difficulty.NORMAL ? 7 : difficulty == Difficulty.HARD ? 14 : 21;
        Instant resolutionDue = received.plus(Duration.ofDays(resolutionDays));
        Instant firstResponse = open && random.nextDouble() < 0.3 ? null
                : received.plusSeconds((long) (3600 * (1 + random.nextDouble() * 20)));
        String status = open ? (random.nextDouble() < 0.05 ? "WAITING_MEMBER" : "OPEN") : "CLOSED";
        Instant closedAt = null;
        Long workingSeconds = null;
        String satisfaction = null;
        String light = null;
        Instant unanswered = null;
        if (open) {
            light = ageDays < 7 ? (random.nextDouble() < 0.9 ? "GREEN" : "YELLOW")
                    : ageDays < 14 ? new String[] {"GREEN", "YELLOW", "YELLOW", "RED"}[random.nextInt(4)]
                    : new String[] {"GREEN", "YELLOW", "RED", "RED", "RED"}[random.nextInt(5)];
            unanswered = firstResponse == null ? received : random.nextDouble() < 0.3 ? firstResponse.plusSeconds(7200) : null;
        } else {
            double workingDays = Math.exp(Math.log(3) + random.nextGaussian() * 0.6);
            workingSeconds = (long) (workingDays * 86_400);
            closedAt = received.plusSeconds((long) (workingDays * 7 / 5 * 86_400));
            if (closedAt.isAfter(now)) {
                closedAt = now;
            }
            double r = random.nextDouble();
            satisfaction = r < 0.10 ? null : r < 0.86 ? "SATISFIED" : r < 0.97 ? "BASICALLY_SATISFIED" : "DISSATISFIED";
        }
        return new Object[] {"12351-B" + run + "-" + i, type.name(), SUBTYPES[typeIndex], difficulty.name(), channel.name(),
                "基准诉求" + (i % 1000), content, handler.id(), handler.path(), status, open ? null : "RESOLVED",
                ts(received), "bench", ts(firstResponse), ts(firstResponse), ts(unanswered),
                ts(received.plus(Duration.ofDays(1))), ts(received.plus(Duration.ofDays(3))), ts(resolutionDue), light,
                open ? ts(received) : null, !open || !"RED".equals(light) ? false : random.nextBoolean(), ts(closedAt),
                closedAt == null ? null : ts(closedAt.plus(Duration.ofDays(7))), satisfaction,
                satisfaction == null ? null : ts(closedAt.plus(Duration.ofDays(2))), workingSeconds, ts(now)};
    }

    private void insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into help_request (request_no, request_type, subtype_code, difficulty, channel, subject, content_enc,
                  handling_org_id, handling_org_path, status, outcome, received_at, registered_by, first_response_at,
                  last_reply_at, unanswered_since, first_response_due, next_update_due, resolution_due, light, light_since,
                  supervised, closed_at, callback_due, satisfaction, rated_at, close_working_seconds, updated_at,
                  against_employer, reopened, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, 0)""",
                rows);
        rows.clear();
    }

    private int pickWeighted(int... weights) {
        int sum = Arrays.stream(weights).sum();
        int r = random.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "helpdesk-benchmark.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

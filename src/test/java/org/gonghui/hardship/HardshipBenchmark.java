package org.gonghui.hardship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.gonghui.activity.LotteryDraw;
import org.gonghui.hardship.internal.Cause;
import org.gonghui.hardship.internal.Household;
import org.gonghui.hardship.internal.MeansTestData;
import org.gonghui.hardship.internal.Sealing;
import org.gonghui.hardship.internal.YearlyReview;
import org.gonghui.member.IdNumber;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark, not a test (never run by the build; see docs/hardship-benchmarks.md for the command): loads
 * {@code bench.archives} approved archives (default 50,000) with sealed households of 1–5 people under a new district
 * of {@code bench.townships} townships and {@code bench.points} service points, all due for review in the year, then
 * times the district's yearly review (every means test recomputed from the sealed household, figures sealed per line,
 * tiers changed, the 30% draw made and stored) {@code bench.runs} times, putting the archives back due between runs,
 * and replays each draw from its published entries and seed. Figures go to stdout and target/hardship-benchmark.txt.
 */
@IntegrationTest
class HardshipBenchmark {

    @Autowired Organisations organisations;
    @Autowired YearlyReview review;
    @Autowired MeansTestData data;
    @Autowired Sealing sealing;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private final int total = Integer.getInteger("bench.archives", 50_000);
    private final int townshipCount = Integer.getInteger("bench.townships", 15);
    private final int pointCount = Integer.getInteger("bench.points", 300);
    private final int runs = Integer.getInteger("bench.runs", 5);
    private final Random random = new Random(20261201);

    @Test
    void loadAndMeasure() {
        clock.set(Instant.parse("2031-01-15T02:00:00Z"));
        try {
            run();
        } finally {
            clock.reset();
        }
    }

    private void run() {
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        OrganisationView district = organisations.create(city.treePath(), city.id(), OrganisationKind.DISTRICT,
                Fixtures.unique("基准区"), Fixtures.unique("BENCH-HS"));
        List<OrganisationView> points = new ArrayList<>();
        List<OrganisationView> townships = new ArrayList<>();
        for (int t = 0; t < townshipCount; t++) {
            townships.add(organisations.create(city.treePath(), district.id(), OrganisationKind.TOWNSHIP,
                    Fixtures.unique("基准街道"), Fixtures.unique("BENCH-T")));
        }
        for (int p = 0; p < pointCount; p++) {
            OrganisationView township = townships.get(p % townships.size());
            points.add(organisations.create(city.treePath(), township.id(), OrganisationKind.COMMUNITY,
                    Fixtures.unique("基准服务站"), Fixtures.unique("BENCH-P")));
        }
        data.setStandard(district.id(), 2030, new BigDecimal("1000.00"), "bench");
        data.setStandard(district.id(), 2031, new BigDecimal("1050.00"), "bench");

        long started = System.nanoTime();
        load(points);
        print(String.format("setup: %,d archives sealed and stored in %.1f s (%d townships, %d service points)", total,
                seconds(started), townshipCount, pointCount));

        CurrentUser staff = new CurrentUser(990_001, "bench", "bench", null, district.id(), district.path(), null,
                EnumSet.of(Role.STAFF, Role.REVIEWER), false, true);
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            jdbc.update("update hardship_archive set review_due = ? where org_path like ? and status = 'APPROVED'",
                    Date.valueOf(LocalDate.of(2031, 1, 10)), district.path() + "%");
            long t0 = System.nanoTime();
            YearlyReview.Round round = review.run(staff, 2031, new BigDecimal("0.30"), "bench-seed-" + r);
            double s = seconds(t0);
            times.add(s);
            List<YearlyReview.Item> items = review.items(round.id());
            List<LotteryDraw.Entry> entries = items.stream()
                    .map(i -> new LotteryDraw.Entry(i.archiveId(), BigDecimal.ONE)).toList();
            assertThat(LotteryDraw.hash(entries)).isEqualTo(round.entriesHash());
            assertThat(LotteryDraw.order(entries, round.seed()))
                    .isEqualTo(items.stream().map(YearlyReview.Item::archiveId).toList());
            print(String.format("run %d: %,d archives re-assessed, %,d visits drawn, %,d tiers changed, %,d no longer "
                    + "in hardship in %.2f s (draw replayed: same order)", r + 1, round.archives(), round.visits(),
                    round.changed(), round.ending(), s));
            assertThat(round.archives()).isEqualTo(total);
        }
        times.sort(Double::compare);
        print(String.format("yearly review of %,d archives: median %.2f s, min %.2f s, max %.2f s over %d runs "
                + "(target < 10 s)", total, times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), runs));
    }

    private void load(List<OrganisationView> points) {
        Cause[] causes = Cause.values();
        List<Object[]> rows = new ArrayList<>(1000);
        for (int i = 0; i < total; i++) {
            int size = 1 + random.nextInt(5);
            List<Household.Person> people = new ArrayList<>(size);
            for (int p = 0; p < size; p++) {
                people.add(new Household.Person("成员" + p, idNumber(), p == 0 ? Household.Relation.SELF
                        : Household.Relation.values()[1 + random.nextInt(4)],
                        BigDecimal.valueOf(random.nextInt(60_000 * size))));
            }
            Household household = new Household(people, BigDecimal.valueOf(random.nextInt(20_000)),
                    BigDecimal.valueOf(random.nextInt(8_000)), BigDecimal.ZERO, causes[random.nextInt(causes.length)], null);
            OrganisationView point = points.get(random.nextInt(points.size()));
            HardshipTier tier = HardshipTier.values()[random.nextInt(3)];
            rows.add(new Object[] {point.id(), point.path(), tier.name(), sealing.seal(household),
                    Timestamp.from(Instant.parse("2030-01-05T02:00:00Z")), Date.valueOf(LocalDate.of(2030, 1, 10)),
                    Date.valueOf(LocalDate.of(2031, 1, 10))});
            if (rows.size() == 1000 || i == total - 1) {
                jdbc.batchUpdate("""
                        insert into hardship_archive (org_id, org_path, status, channel, tier, household_enc, applied_at,
                          since, review_due) values (?, ?, 'APPROVED', 'WINDOW', ?, ?, ?, ?, ?)""", rows);
                rows.clear();
            }
        }
    }

    private String idNumber() {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 60));
        String first17 = "330206" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void print(String line) {
        System.out.println("[hardship-benchmark] " + line);
        try {
            Files.writeString(Path.of("target/hardship-benchmark.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.gonghui.modelworker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.gonghui.modelworker.allowance.AllowanceRuns;
import org.gonghui.modelworker.allowance.RunView;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.crypto.PersonalDataCipher;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.gonghui.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark, not a test (never run by the build; docs/modelworker-benchmarks.md has the command): loads
 * {@code bench.workers} model workers (default 5,000) with their members under a new district, then times the monthly
 * allowance run of that district for {@code bench.months} fresh months (each: read the workers, compute, entitle
 * every month in the payment engine, write the lines) and a run of a month made already. Checks that each month
 * entitled every due worker exactly once. Figures go to stdout and target/modelworker-benchmark.txt.
 */
@IntegrationTest
class ModelWorkerBenchmark {

    @Autowired Organisations organisations;
    @Autowired AllowanceRuns runs;
    @Autowired PersonalDataCipher cipher;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private final int workers = Integer.getInteger("bench.workers", 5_000);
    private final int months = Integer.getInteger("bench.months", 5);
    private final Random random = new Random(51);

    @Test
    void loadAndMeasure() {
        String db = TestDatabase.isPostgres() ? "PostgreSQL" : "H2";
        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
        try {
            long t0 = System.nanoTime();
            OrganisationView district = load();
            print("setup: %,d model workers with members under %s loaded in %d ms (%s)", workers, district.code(),
                    (System.nanoTime() - t0) / 1_000_000, db);
            if (TestDatabase.isPostgres()) {
                jdbc.execute("analyze member");
                jdbc.execute("analyze model_worker");
            }
            analyse();
            CurrentUser admin = new CurrentUser(0, "bench", "bench", null, district.id(), district.path(), null,
                    EnumSet.of(Role.ADMIN, Role.STAFF), false, true);
            List<Long> millis = new ArrayList<>();
            YearMonth first = YearMonth.of(2021, 1);
            for (int i = 0; i < months; i++) {
                YearMonth month = first.plusMonths(i);
                long start = System.nanoTime();
                RunView run = runs.run(admin, month);
                long ms = (System.nanoTime() - start) / 1_000_000;
                millis.add(ms);
                print("run %s: %,d entitled (%s yuan), %,d held in %d ms (the run's own clock: %d ms)", month,
                        run.entitled(), run.amount().toPlainString(), run.held(), ms, run.millis());
                assertThat(run.entitled() + run.held()).isEqualTo(workers);
                assertThat(jdbc.queryForObject("select count(*) from payment_entitlement where programme = 'MODEL_ALLOWANCE'"
                        + " and source_ref like ?", Long.class, "allowance:" + month + ":%")).isEqualTo(run.entitled());
                analyse();
            }
            long start = System.nanoTime();
            RunView again = runs.run(admin, first);
            long againMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(again.entitled()).isZero();
            print("run %s again: %,d entitled, %,d made before, in %d ms", first, again.entitled(), again.already(), againMs);
            List<Long> sorted = millis.stream().sorted().toList();
            print("MODEL-WORKER RUN (%s): %,d model workers, median %d ms, min %d ms, max %d ms over %d months",
                    db, workers, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), months);
        } finally {
            clock.reset();
        }
    }

    /**
     * What autovacuum does after a month's 5,000 new rows (this machine's PostgreSQL runs with autovacuum off): without
     * fresh statistics the engine's look-up by (programme, source_ref) is planned on the programme alone and reads every
     * earlier month's entitlements, so each month would be slower than the last. Not timed.
     */
    private void analyse() {
        if (TestDatabase.isPostgres()) {
            jdbc.execute("analyze payment_entitlement");
            jdbc.execute("analyze payment_journal");
            jdbc.execute("analyze model_allowance_line");
        }
    }

    /** A district with 5 townships of 4 service points each; the workers spread over the points, each a member. */
    private OrganisationView load() {
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        CurrentUser root = new CurrentUser(0, "bench", "bench", null, city.id(), city.path(), null,
                EnumSet.of(Role.ADMIN), false, true);
        String tag = Fixtures.unique("MWB");
        OrganisationView district = organisations.create(city.treePath(), city.id(), OrganisationKind.DISTRICT,
                "劳模基准区 " + tag, tag);
        List<OrganisationView> points = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            OrganisationView township = organisations.create(city.treePath(), district.id(), OrganisationKind.TOWNSHIP,
                    "街道 " + tag + "-" + t, tag + "-T" + t);
            for (int p = 0; p < 4; p++) {
                points.add(organisations.create(city.treePath(), township.id(), OrganisationKind.ENTERPRISE,
                        "服务站 " + tag + "-" + t + "-" + p, tag + "-T" + t + "-E" + p));
            }
        }
        Timestamp now = Timestamp.from(clock.instant());
        String[] levels = {"NATIONAL", "PROVINCIAL", "CITY", "CITY", "CITY", "PROVINCIAL"};
        List<Object[]> memberRows = new ArrayList<>();
        List<String> idNumbers = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            String idNumber = Fixtures.newIdNumber();
            idNumbers.add(idNumber);
            OrganisationView point = points.get(i % points.size());
            memberRows.add(new Object[] {"劳模" + i, "MALE", Date.valueOf(LocalDate.of(1970, 1, 1)),
                    cipher.encrypt(idNumber), cipher.hash(idNumber), idNumber.substring(0, 4) + "**********" + idNumber.substring(14),
                    point.id(), "IN_SERVICE", "ACTIVE", Date.valueOf(LocalDate.of(2010, 1, 1)), now, now});
        }
        for (int i = 0; i < memberRows.size(); i += 1000) {
            jdbc.batchUpdate("""
                    insert into member (name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked, org_id,
                      member_type, status, joined_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    memberRows.subList(i, Math.min(memberRows.size(), i + 1000)));
        }
        java.util.Map<String, Long> memberIds = new java.util.HashMap<>();
        for (OrganisationView point : points) {
            jdbc.query("select id_number_hash, id from member where org_id = ?",
                    rs -> {
                        memberIds.put(rs.getString(1), rs.getLong(2));
                    }, point.id());
        }
        List<Object[]> workerRows = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            String idNumber = idNumbers.get(i);
            Long memberId = memberIds.get(cipher.hash(idNumber));
            OrganisationView point = points.get(i % points.size());
            boolean retired = random.nextInt(100) < 30;
            boolean overdue = retired && random.nextInt(100) < 5;
            workerRows.add(new Object[] {"劳模" + i, cipher.encrypt(idNumber), cipher.hash(idNumber),
                    idNumber.substring(0, 4) + "**********" + idNumber.substring(14), memberId, point.id(), point.path(),
                    "劳动模范", levels[i % levels.length], 2000 + random.nextInt(20), "制造业", "基准单位",
                    Date.valueOf(LocalDate.of(2015, 5, 1)),
                    retired ? Date.valueOf(LocalDate.of(2019, 6, 30)) : null,
                    retired ? Date.valueOf(overdue ? LocalDate.of(2020, 6, 30) : LocalDate.of(2030, 6, 30)) : null,
                    now, "bench"});
        }
        for (int i = 0; i < workerRows.size(); i += 1000) {
            jdbc.batchUpdate("""
                    insert into model_worker (name, id_number_enc, id_number_hash, id_number_masked, member_id, org_id,
                      org_path, title, level, title_year, sector, employer, allowance_from, retired_on, attested_until,
                      created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    workerRows.subList(i, Math.min(workerRows.size(), i + 1000)));
        }
        return district;
    }

    private static void print(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        try {
            Files.writeString(Path.of("target/modelworker-benchmark.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

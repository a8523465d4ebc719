package org.gonghui.mutualaid;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.gonghui.member.IdNumber;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmarks, not tests (never run by the build; see docs/mutualaid-benchmarks.md for the command):
 * collective enrolment of {@code bench.members} members from staff lists of {@code bench.unitSize}
 * (default 2,000,000 in units of 200), computing and approving {@code bench.claims} claims in one batch
 * (default 63,100), and the fund report's latency. Figures go to stdout and target/mutualaid-benchmark.txt.
 */
@IntegrationTest
class MutualAidBenchmark {

    @Autowired
    Organisations organisations;
    @Autowired
    Members members;
    @Autowired
    Enrolments enrolments;
    @Autowired
    ClaimBatches batches;
    @Autowired
    Fund fund;
    @Autowired
    Plans plans;
    @Autowired
    JdbcTemplate jdbc;

    private final int total = Integer.getInteger("bench.members", 2_000_000);
    private final int unitSize = Integer.getInteger("bench.unitSize", 200);
    private final int claimCount = Integer.getInteger("bench.claims", 63_100);
    private final int threads = Integer.getInteger("bench.threads", 4);

    @Test
    void enrolApproveReport() throws Exception {
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        CurrentUser admin = Fixtures.staffAt(city, Role.ADMIN, Role.STAFF, Role.REVIEWER);
        CoverYear year = CoverYear.of(PlatformZone.today());
        int units = total / unitSize;
        if (Boolean.getBoolean("bench.reportOnly")) {
            reportLatency(year);
            return;
        }
        report("== mutual-aid benchmark: %,d members in %,d units of %d, %,d claims, %d threads, cover year %s",
                total, units, unitSize, claimCount, threads, year);

        // This machine's PostgreSQL runs without autovacuum; production's autovacuum keeps statistics fresh as
        // tables grow. Without it, growing tables keep "empty" statistics and index look-ups turn into scans.
        java.util.concurrent.ScheduledExecutorService analyzer = Executors.newSingleThreadScheduledExecutor();
        if (org.gonghui.support.TestDatabase.isPostgres()) {
            analyzer.scheduleWithFixedDelay(() -> jdbc.execute("analyze"), 5, 20, java.util.concurrent.TimeUnit.SECONDS);
        }
        long t0 = System.nanoTime();
        List<OrganisationView> townships = organisations.search(city.treePath(), null, OrganisationKind.TOWNSHIP, true, 0, 200)
                .items();
        List<Long> unitIds = new ArrayList<>(units);
        List<String[]> idNumbers = new ArrayList<>(units);
        String run = Long.toString(System.currentTimeMillis() % 100000, 36);
        for (int u = 0; u < units; u++) {
            OrganisationView township = townships.get(u % townships.size());
            OrganisationView unit = organisations.create(city.treePath(), township.id(), OrganisationKind.ENTERPRISE,
                    "基准企业" + run + "-" + u + "工会", "BENCH-" + run + "-" + u);
            unitIds.add(unit.id());
            String[] ids = new String[unitSize];
            List<NewMember> staff = new ArrayList<>(unitSize);
            for (int k = 0; k < unitSize; k++) {
                ids[k] = idNumber(u * unitSize + k);
                staff.add(new NewMember("职工" + k, ids[k], null, unit.id(), MemberType.IN_SERVICE,
                        PlatformZone.today().minusYears(2), null));
            }
            idNumbers.add(ids);
            members.registerAll(staff, "benchmark");
            if (u % 1000 == 999) {
                report("  setup: %,d units registered (%.0f s)", u + 1, (System.nanoTime() - t0) / 1e9);
            }
        }
        report("setup: %,d members registered in %,d units in %.1f s (not part of the figures)", total, units,
                (System.nanoTime() - t0) / 1e9);
        if (org.gonghui.support.TestDatabase.isPostgres()) {
            jdbc.execute("analyze");
        }

        // Enrolment runs: the same 2 million staff into three plans (this year's inpatient and serious-disease
        // plans, last year's inpatient plan), each a full collective enrolment of every unit.
        List<String[]> runs = List.of(new String[] {ReferenceRules.INPATIENT, "0"},
                new String[] {ReferenceRules.SERIOUS, "0"}, new String[] {ReferenceRules.INPATIENT, "-1"});
        double[] enrolTimes = new double[Math.min(runs.size(), Integer.getInteger("bench.enrolRuns", 3))];
        for (int r = 0; r < enrolTimes.length; r++) {
            String project = runs.get(r)[0];
            CoverYear runYear = new CoverYear(year.startYear() + Integer.parseInt(runs.get(r)[1]));
            enrolTimes[r] = enrolAll(admin, project, runYear, units, unitIds, idNumbers);
            report("ENROLMENT run %d (%s %s): %,d members in %,d collective enrolments: %.1f s (%,.0f members/s)", r + 1,
                    project, runYear, total, units, enrolTimes[r], total / enrolTimes[r]);
        }
        report("ENROLMENT median: %.1f s for %,d members", median(enrolTimes), total);

        double[] approveTimes = new double[Integer.getInteger("bench.approveRuns", 3)];
        for (int r = 0; r < approveTimes.length; r++) {
            long t2 = System.nanoTime();
            insertClaims(year, admin);
            report("setup: %,d claims under review inserted in %.1f s (not part of the figures)", claimCount,
                    (System.nanoTime() - t2) / 1e9);
            long t3 = System.nanoTime();
            BatchApproval approval = batches.approveUnderReview(admin, ReferenceRules.INPATIENT, year);
            approveTimes[r] = (System.nanoTime() - t3) / 1e9;
            report("APPROVAL run %d: %s in %.1f s (%,.0f claims/s)", r + 1, approval, approveTimes[r],
                    approval.considered() / approveTimes[r]);
        }
        report("APPROVAL median: %.1f s for %,d claims", median(approveTimes), claimCount);

        reportLatency(year);
        analyzer.shutdownNow();
    }

    private void reportLatency(CoverYear year) {
        double[] latencies = new double[9];
        FundReport last = null;
        for (int i = 0; i < latencies.length; i++) {
            long t = System.nanoTime();
            last = fund.report(ReferenceRules.INPATIENT, year, PlatformZone.today());
            latencies[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);
        report("FUND REPORT: median %.1f ms (min %.1f, max %.1f over %d runs): %s", sorted[sorted.length / 2], sorted[0],
                sorted[sorted.length - 1], sorted.length, last);
        report("ledger unbalanced transactions: %d", fund.unbalancedTransactions());
    }

    private double enrolAll(CurrentUser admin, String project, CoverYear runYear, int units, List<Long> unitIds,
            List<String[]> idNumbers) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong enrolled = new AtomicLong();
        List<Future<?>> work = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            int unit = u;
            work.add(pool.submit(() -> {
                List<StaffRow> rows = new ArrayList<>(unitSize);
                String[] ids = idNumbers.get(unit);
                for (int k = 0; k < ids.length; k++) {
                    rows.add(new StaffRow(k + 2, "职工" + k, ids[k]));
                }
                UnitEnrolmentResult result = enrolments.enrolUnit(admin, new UnitEnrolmentRequest(unitIds.get(unit),
                        project, runYear, 1, unitSize, runYear.start().minusDays(5), "BENCH", true), rows);
                if (!result.succeeded()) {
                    throw new IllegalStateException(result.problems().toString());
                }
                enrolled.addAndGet(result.enrolled());
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        if (enrolled.get() != total) {
            throw new IllegalStateException("enrolled " + enrolled.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private void insertClaims(CoverYear year, CurrentUser admin) {
        PlanView plan = plans.require(ReferenceRules.INPATIENT, year);
        List<Object[]> enrolled = jdbc.query("""
                select id, member_id, org_id, org_path from mutualaid_enrolment where plan_id = ? order by id desc limit ?""",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)}, plan.id(), total);
        Random random = new Random(2015);
        LocalDate today = PlatformZone.today();
        long span = Math.max(1, today.minusDays(10).toEpochDay() - year.start().toEpochDay());
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> batch = new ArrayList<>(1000);
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < claimCount; i++) {
            Object[] e = enrolled.get(random.nextInt(enrolled.size()));
            LocalDate admitted = year.start().plusDays(random.nextInt((int) span));
            // self-paid parts skewed like real stays: most below 3,000 yuan, a few large ones
            BigDecimal selfPaid = BigDecimal.valueOf(Math.round(Math.exp(6.5 + random.nextGaussian() * 0.9) * 100), 2);
            // filed within a month of discharge, as members do
            LocalDate filed = admitted.plusDays(5 + 1 + random.nextInt(30));
            Timestamp submitted = filed.isBefore(today) ? Timestamp.valueOf(filed.atTime(10, 0)) : now;
            batch.add(new Object[] {e[1], e[2], e[3], e[0], plan.id(), plan.project(), year.startYear(), "INPATIENT",
                    "宁波市第一医院", Date.valueOf(admitted), Date.valueOf(admitted.plusDays(5)), "住院", selfPaid.multiply(
                    BigDecimal.valueOf(3)), selfPaid.multiply(BigDecimal.valueOf(2)), selfPaid, "B" + run + "-" + i,
                    "UNDER_REVIEW", admin.getUsername(), submitted, now});
            if (batch.size() == 1000) {
                flush(batch);
            }
        }
        flush(batch);
        // every claim arrives with its checklist, as approval requires (not part of the figures)
        jdbc.update("""
                insert into mutualaid_document (claim_id, doc_type, original_name, content_type, size_bytes, sha256,
                  storage_key, uploaded_by, uploaded_at)
                select c.id, t.doc, 'bench.png', 'image/png', 1, 'bench', 'bench', c.submitted_by, c.submitted_at
                from mutualaid_claim c cross join (values ('ID_CARD'), ('BANK_CARD'), ('SETTLEMENT_SHEET'),
                  ('DISCHARGE_RECORD'), ('INVOICE')) as t (doc)
                where c.invoice_no like ?""", "B" + run + "-%");
    }

    private void flush(List<Object[]> batch) {
        jdbc.batchUpdate("""
                insert into mutualaid_claim (member_id, org_id, org_path, enrolment_id, plan_id, project, cover_year,
                  claim_type, hospital, event_date, end_date, diagnosis, total_cost, insurance_paid, self_paid, invoice_no,
                  status, submitted_by, submitted_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", batch);
        batch.clear();
    }

    /** Valid, distinct ID numbers in an area code the demo data does not use. */
    static String idNumber(int n) {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(n / 1000);
        String first17 = "330299" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + IdNumber.checkCharacter(first17);
    }

    private static void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "mutualaid-benchmark.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package org.gonghui.myunion;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DatabaseMetaData;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import javax.sql.DataSource;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * A benchmark, not a test (never run by the build; see docs/myunion.md for the command): on PostgreSQL, loads
 * {@code bench.members} members' records (default 1,500,000) with about {@code bench.perYear} (20) entries a year
 * over {@code bench.years} (2) years — this year and the ones before — with {@code insert … select generate_series},
 * then calls the record page's service ({@link MemberRecord#of}: this year's totals and first page) for
 * {@code bench.calls} random members and prints p50/p95/p99. Figures go to stdout and target/myunion-benchmark.txt.
 */
@IntegrationTest
class MemberRecordBenchmark {

    /** Benchmark members' ids start here, far above any real member's. */
    static final long FIRST_MEMBER = 4_000_000_000L;

    @Autowired MemberRecord record;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTime time;

    private final int memberCount = Integer.getInteger("bench.members", 1_500_000);
    private final int perYear = Integer.getInteger("bench.perYear", 20);
    private final int years = Integer.getInteger("bench.years", 2);
    private final int calls = Integer.getInteger("bench.calls", 5_000);
    private final int chunk = 50_000;

    @Test
    void loadAndMeasure() throws Exception {
        assumeTrue(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                .toLowerCase().contains("postgres"), "PostgreSQL only (generate_series)");
        int thisYear = time.today().getYear();
        print("member record benchmark: " + memberCount + " members, ~" + perYear + " entries a year, " + years
                + " years");
        long loadStart = System.nanoTime();
        jdbc.update("delete from member_record where member_id >= ?", FIRST_MEMBER);
        for (int y = 0; y < years; y++) {
            int year = thisYear - y;
            long from = LocalDate.of(year, 1, 1).atStartOfDay(time.zone()).toEpochSecond();
            // this year only up to now, so that nothing lies in the future
            long to = y == 0 ? time.now().getEpochSecond() : LocalDate.of(year + 1, 1, 1).atStartOfDay(time.zone())
                    .toEpochSecond();
            for (long first = 0; first < memberCount; first += chunk) {
                long last = Math.min(memberCount, first + chunk) - 1;
                jdbc.update("""
                        insert into member_record (member_id, occurred_at, kind, amount_fen, source_ref, title, detail)
                        select ? + m, to_timestamp(? + floor(random() * ?)),
                          (array['ACTIVITY_ATTENDED','WELFARE_CLAIMED','VOUCHER_USED','MUTUAL_AID_PAID',
                                 'HARDSHIP_AID_PAID','SCHOOL_AID_PAID','ALLOWANCE_PAID','CARD_DISCOUNT','CARD_DISCOUNT',
                                 'CARD_DISCOUNT','HELP_REQUESTED','HELP_CLOSED'])[1 + (m * 7 + i) % 12],
                          case when (m * 7 + i) % 12 between 3 and 9 then 100 + floor(random() * 300000)::bigint end,
                          'bench:' || m || ':' || ? || ':' || i, '基准测试', null
                        from generate_series(?::bigint, ?::bigint) m
                        cross join generate_series(1, ?) i
                        where i <= ? - 4 + (m % 9)""",
                        FIRST_MEMBER, from, Math.max(1, to - from), year, first, last, perYear + 4, perYear);
            }
            print("  year " + year + " loaded: " + Math.round((System.nanoTime() - loadStart) / 1e9) + " s");
        }
        jdbc.execute("vacuum analyze member_record");
        long rows = jdbc.queryForObject("select count(*) from member_record where member_id >= ?", Long.class,
                FIRST_MEMBER);
        print("setup: " + rows + " entries in " + Math.round((System.nanoTime() - loadStart) / 1e9) + " s (not a figure)");

        Random random = new Random(14);
        for (int i = 0; i < Math.min(200, calls); i++) {
            record.of(FIRST_MEMBER + random.nextInt(memberCount), thisYear, 0, MemberRecord.PAGE_SIZE);
        }
        long[] nanos = new long[calls];
        long entries = 0;
        for (int i = 0; i < calls; i++) {
            long member = FIRST_MEMBER + random.nextInt(memberCount);
            long start = System.nanoTime();
            MemberRecordView view = record.of(member, thisYear, 0, MemberRecord.PAGE_SIZE);
            nanos[i] = System.nanoTime() - start;
            entries += view.entries().items().size();
        }
        Arrays.sort(nanos);
        print(String.format("record page (year totals + first page of %d), %d random members: p50 %.2f ms, p95 %.2f ms,"
                + " p99 %.2f ms, max %.2f ms (%.1f entries a page on average; target p95 < 50 ms)",
                MemberRecord.PAGE_SIZE, calls, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                nanos[calls - 1] / 1e6, entries / (double) calls));
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void print(String line) {
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "myunion-benchmark.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

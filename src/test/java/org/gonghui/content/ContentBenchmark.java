package org.gonghui.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmarks, not tests (never run by the build; see docs/content.md for the command), PostgreSQL only:
 * {@code bench.articles} articles published over a year and {@code bench.events} read events by
 * {@code bench.readers} readers of the tree's service points (setup, untimed), then: exact distinct readers of a
 * random article for a random date range and subtree (city, district, township) through
 * {@link ContentFigures#distinctReaders} (p50/p95/p99); a burst of {@code bench.burst} reads recorded from
 * {@code bench.threads} threads through the read log, stored and counted, with the row locks anyone waited for
 * sampled meanwhile; the same through {@link Feed#read} (the member's whole read); and pgbench's insert ceiling on
 * the same database for the ratio. Figures go to stdout and target/content-benchmark.txt.
 */
@IntegrationTest
class ContentBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired ContentFigures figures;
    @Autowired ReadLog reads;
    @Autowired Feed feed;
    @Autowired Organisations organisations;
    @Autowired JdbcTemplate jdbc;

    private final int articles = Integer.getInteger("bench.articles", 2_000);
    private final int readers = Integer.getInteger("bench.readers", 1_500_000);
    private final long events = Long.getLong("bench.events", 50_000_000L);
    private final int queries = Integer.getInteger("bench.queries", 1_000);
    private final int burst = Integer.getInteger("bench.burst", 100_000);
    private final int threads = Integer.getInteger("bench.threads", 16);
    private final int year = Integer.getInteger("bench.year", LocalDate.now(ZONE).getYear() - 1);

    @Test
    void distinctReadersAndReadBurst() throws Exception {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "PostgreSQL only");
        report("== content benchmark: %,d articles, %,d read events in %d by %,d readers; %,d distinct-reader queries; "
                + "burst of %,d reads from %d threads", articles, events, year, readers, queries, burst, threads);
        long[] articleIds = setup();
        distinctReaders(articleIds);
        burst(articleIds);
        Double ceiling = pgbenchCeiling();
        if (ceiling != null) {
            report("pgbench insert ceiling (8 clients, 15 s): %.0f tx/s", ceiling);
            report("BURST ratio (read log) to the ceiling: %.2f; (Feed.read) %.2f", burstRate / ceiling,
                    feedRate / ceiling);
        }
    }

    private long[] setup() {
        long t0 = System.nanoTime();
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        Instant start = LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant();
        jdbc.execute("drop table if exists bench_content_path");
        jdbc.execute("drop table if exists bench_content_article");
        jdbc.execute("create table bench_content_path (i int primary key, path varchar(255))");
        jdbc.update("""
                insert into bench_content_path
                select (row_number() over (order by id)) - 1, path from organisation where kind in ('COMMUNITY', 'ENTERPRISE')""");
        int paths = jdbc.queryForObject("select count(*) from bench_content_path", Integer.class);
        jdbc.execute("create table bench_content_article (i int primary key, id bigint, published_at timestamptz)");
        jdbc.update("""
                insert into content_article (category, title, summary, body_html, owner_org_id, owner_path,
                  audience_org_id, audience_path, audience_types, push, status, author_id, author_name, published_at,
                  created_at, updated_at)
                select 'NEWS', '基准文章' || g, '', '<p>基准</p>', ?, ?, ?, ?, ',IN_SERVICE,MIGRANT,RETIRED,', false,
                  'PUBLISHED', 0, 'bench', ?::timestamptz + (g - 1) * (interval '365 days' / ?),
                  ?::timestamptz, ?::timestamptz
                from generate_series(1, ?) g""", city.id(), city.path(), city.id(), city.path(),
                java.sql.Timestamp.from(start), articles, java.sql.Timestamp.from(start), java.sql.Timestamp.from(start),
                articles);
        jdbc.update("""
                insert into bench_content_article
                select (row_number() over (order by id)) - 1, id, published_at from content_article
                where author_name = 'bench' and published_at >= ? order by id desc limit ?""",
                java.sql.Timestamp.from(start), articles);
        jdbc.execute("drop index if exists content_read_event_article");
        long chunk = 1_000_000;
        for (long done = 0; done < events; done += chunk) {
            long n = Math.min(chunk, events - done);
            // most reads in the first days after publication (random()^3 of 30 days); a reader's organisation is
            // fixed by their number
            jdbc.update("""
                    insert into content_read_event (article_id, kind, read_at, org_path, member_id)
                    select a.id, 'V', a.published_at + power(random(), 3) * interval '30 days', p.path, m.member
                    from (select floor(random() * ?)::int as ai, (10000000 + floor(random() * ?))::bigint as member
                          from generate_series(1, ?)) m
                    join bench_content_article a on a.i = m.ai
                    join bench_content_path p on p.i = (m.member % ?)""", articles, readers, n, paths);
        }
        jdbc.execute("create index content_read_event_article on content_read_event (article_id, kind, read_at, org_path, member_id)");
        jdbc.execute("vacuum analyze content_read_event");
        report("setup: %,d articles, %,d events over %,d service points in %.1f s", articles, events, paths,
                (System.nanoTime() - t0) / 1e9);
        return jdbc.queryForList("select id from bench_content_article order by i", Long.class).stream()
                .mapToLong(Long::longValue).toArray();
    }

    private void distinctReaders(long[] articleIds) {
        List<String> districts = jdbc.queryForList("select path from organisation where kind = 'DISTRICT'", String.class);
        List<String> townships = jdbc.queryForList("select path from organisation where kind = 'TOWNSHIP'", String.class);
        String city = organisations.findByCode("NB").orElseThrow().path();
        Random random = new Random(14);
        for (String level : List.of("city", "district", "township", "any")) {
            long[] nanos = new long[queries];
            long total = 0;
            for (int i = -50; i < queries; i++) {
                long article = articleIds[random.nextInt(articleIds.length)];
                LocalDate published = jdbc.queryForObject("select published_at from content_article where id = ?",
                        java.sql.Timestamp.class, article).toInstant().atZone(ZONE).toLocalDate();
                LocalDate from = published.plusDays(random.nextInt(15) - 5);
                LocalDate to = random.nextInt(10) == 0 ? from.plusDays(365) : from.plusDays(random.nextInt(60));
                String which = level.equals("any") ? List.of("city", "district", "township").get(random.nextInt(3)) : level;
                String path = switch (which) {
                    case "city" -> city;
                    case "district" -> districts.get(random.nextInt(districts.size()));
                    default -> townships.get(random.nextInt(townships.size()));
                };
                long t = System.nanoTime();
                long count = figures.distinctReaders(article, from, to, path);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t;
                    total += count;
                }
            }
            report("DISTINCT readers, %s subtree, %,d queries (%,d readers found): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                    level, queries, total, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99));
        }
    }

    private double burstRate;
    private double feedRate;

    private void burst(long[] articleIds) throws Exception {
        List<String> paths = jdbc.queryForList("select path from bench_content_path", String.class);
        long before = jdbc.queryForObject("select count(*) from content_read_event", Long.class);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger maxWaiting = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                int waiting = jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class);
                maxWaiting.accumulateAndGet(waiting, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int w = 0; w < threads; w++) {
            done.add(pool.submit(() -> {
                Random random = new Random();
                for (int i = next.getAndIncrement(); i < burst; i = next.getAndIncrement()) {
                    int reader = random.nextInt(readers);
                    reads.record(new ReadLog.ReadEvent(articleIds[random.nextInt(articleIds.length)], 'V', Instant.now(),
                            paths.get(reader % paths.size()), 10_000_000L + reader));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        reads.flush();
        double seconds = (System.nanoTime() - t) / 1e9;
        running.set(false);
        sampler.join();
        long stored = jdbc.queryForObject("select count(*) from content_read_event", Long.class) - before;
        burstRate = burst / seconds;
        report("BURST (read log) %,d reads from %d threads stored in %.2f s: %.0f reads/s; stored %,d (%s); "
                + "most lock waits seen at once: %d", burst, threads, seconds, burstRate, stored,
                stored == burst ? "ALL" : "MISSING " + (burst - stored), maxWaiting.get());

        // the member's whole read: member, article, audience, event (demo members reading a demo article)
        List<Long> memberIds = jdbc.queryForList("select id from member where status = 'ACTIVE' order by id", Long.class);
        long article = jdbc.queryForObject("""
                select min(id) from content_article where status = 'PUBLISHED' and author_name <> 'bench'
                and audience_types = ',IN_SERVICE,MIGRANT,RETIRED,' and audience_path = ?""", Long.class,
                organisations.findByCode("NB").orElseThrow().path());
        int feedReads = Math.max(1_000, burst / 5);
        AtomicInteger feedNext = new AtomicInteger();
        long before2 = jdbc.queryForObject("select count(*) from content_read_event", Long.class);
        long t2 = System.nanoTime();
        done.clear();
        for (int w = 0; w < threads; w++) {
            done.add(pool.submit(() -> {
                for (int i = feedNext.getAndIncrement(); i < feedReads; i = feedNext.getAndIncrement()) {
                    feed.read(memberIds.get(i % memberIds.size()), article, null);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        reads.flush();
        double seconds2 = (System.nanoTime() - t2) / 1e9;
        long stored2 = jdbc.queryForObject("select count(*) from content_read_event", Long.class) - before2;
        feedRate = feedReads / seconds2;
        report("BURST (Feed.read: member, article, audience, event) %,d reads of one article by %,d members from %d "
                + "threads in %.2f s: %.0f reads/s; stored %,d (%s)", feedReads, memberIds.size(), threads, seconds2,
                feedRate, stored2, stored2 == feedReads ? "ALL" : "MISSING " + (feedReads - stored2));
        pool.shutdown();
    }

    /** pgbench's insert ceiling on the same database (as scripts/bench/bench.sh measures it), or null without pgbench. */
    private Double pgbenchCeiling() {
        String url = System.getenv().getOrDefault("GONGHUI_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/gonghui_test");
        String db = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        try {
            run(true, List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-f",
                    "scripts/bench/pgbench-setup.sql"));
            String out = run(false, List.of("pgbench", "-n", "-h", "127.0.0.1", "-U", "postgres", "-c", "8", "-j", "2",
                    "-T", "15", "-f", "scripts/bench/pgbench-ceiling.sql", db));
            run(true, List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-c",
                    "drop table if exists bench_ref_insert, bench_ref_naive_reg, bench_ref_naive_activity"));
            return Arrays.stream(out.split("\n")).filter(l -> l.startsWith("tps = ")).findFirst()
                    .map(l -> Double.parseDouble(l.substring(6).split(" ")[0])).orElse(null);
        } catch (Exception e) {
            report("pgbench not run: %s", e.getMessage());
            return null;
        }
    }

    private static String run(boolean strict, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 && strict) {
            throw new IOException(String.join(" ", command) + ": " + out);
        }
        return out;
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        try {
            Files.writeString(Path.of("target/content-benchmark.txt"), line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

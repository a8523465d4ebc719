package org.gonghui.card.merchant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.gonghui.activity.Merchants;
import org.gonghui.card.DynamicCodes;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.gonghui.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmarks, not tests (never run by the build; see docs/card-benchmarks.md for the command): {@code bench.merchants}
 * merchants with {@code bench.outlets} outlets spread over Ningbo, {@code bench.redemptions} redemptions in a year by
 * {@code bench.cards} card holders (setup), then: nearest outlets of a category from random points (p50/p95/p99);
 * concurrent campaign redemptions through {@link Till} from {@code bench.threads} threads at many outlets (rate, exactness)
 * against a pgbench insert ceiling on the same PostgreSQL; a year's figures for the city, a district and a merchant
 * (p50/p95). Figures go to stdout and target/card-benchmark.txt.
 */
@IntegrationTest
class CardBenchmark {

    @Autowired CardMerchants merchants;
    @Autowired MerchantSettings settings;
    @Autowired OutletFinder finder;
    @Autowired Offers offers;
    @Autowired Till till;
    @Autowired Figures figures;
    @Autowired DynamicCodes codes;
    @Autowired Merchants signIns;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired JdbcTemplate jdbc;
    @Autowired FigureSummary summary;

    private final int merchantCount = Integer.getInteger("bench.merchants", 674);
    private final int outletCount = Integer.getInteger("bench.outlets", 1_085);
    private final long redemptions = Long.getLong("bench.redemptions", 3_000_000L);
    private final long cards = Long.getLong("bench.cards", 1_410_000L);
    /** Tills redeeming at once; 0 (the default): one per outlet of the campaign's merchant. */
    private final int threads = Integer.getInteger("bench.threads", 0);
    private final int campaignMembers = Integer.getInteger("bench.campaignMembers", 2_000);
    private final int nearestQueries = Integer.getInteger("bench.nearestQueries", 2_000);
    private final int figureRuns = Integer.getInteger("bench.figureRuns", 20);
    private final int year = Integer.getInteger("bench.year", PlatformZone.today().getYear() - 1);

    @Test
    void merchantsNearestCampaignFigures() throws Exception {
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        CurrentUser officer = Fixtures.staffAt(city, Role.ADMIN, Role.STAFF);
        report("== card benchmark: %,d merchants, %,d outlets, %,d redemptions in %d by %,d card holders, %d threads",
                merchantCount, outletCount, redemptions, year, cards, threads);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        // setup (untimed): merchants and outlets, inserted directly as approved merchants under contract
        long t0 = System.nanoTime();
        Random random = new Random(51);
        List<String> categories = settings.categories();
        long[] merchantIds = new long[merchantCount];
        String[] merchantCategory = new String[merchantCount];
        for (int i = 0; i < merchantCount; i++) {
            merchantCategory[i] = categories.get(i % categories.size());
            merchantIds[i] = jdbc.queryForObject("""
                    insert into card_merchant (name, licence_code, categories, committed_discount, contact_name,
                      contact_phone_enc, contact_phone_masked, status, applied_by, applied_at, approved_by, contract_no,
                      contract_from, contract_until)
                    values (?, ?, ?, '9 折', '基准', 'x', '139****0000', 'ACTIVE', 'bench', now(), 'bench', ?, ?, ?)
                    returning id""", Long.class, "基准商户" + run + "-" + i, MerchantTestData.creditCode(),
                    merchantCategory[i], "B" + run + i, java.sql.Date.valueOf(LocalDate.of(year, 1, 1)),
                    java.sql.Date.valueOf(PlatformZone.today().plusYears(2)));
        }
        List<Object[]> outletRows = new ArrayList<>();
        long[] outletIds = new long[outletCount];
        int[] outletMerchant = new int[outletCount];
        for (int i = 0; i < outletCount; i++) {
            int m = i < merchantCount ? i : random.nextInt(merchantCount);
            double lat = 29.6 + random.nextDouble() * 0.6;
            double lng = 121.2 + random.nextDouble() * 0.7;
            outletMerchant[i] = m;
            outletIds[i] = jdbc.queryForObject("""
                    insert into card_outlet (card_merchant_id, name, address, district, opening_hours, lat, lng)
                    values (?, ?, '地址', '海曙区', '09:00-21:00', ?, ?) returning id""", Long.class, merchantIds[m],
                    "门店" + i, lat, lng);
            outletRows.add(new Object[] {outletIds[i], merchantCategory[m], lat, lng});
        }
        jdbc.batchUpdate("insert into card_outlet_category (outlet_id, category, lat, lng, live) values (?, ?, ?, ?, true)",
                outletRows);
        report("setup: %,d merchants and %,d outlets in %.1f s", merchantCount, outletCount, (System.nanoTime() - t0) / 1e9);

        // setup (untimed): bench.cards card holders — members with an active card each, in the tree's service points
        // and communities — then a year's redemptions by them, spread over the year (generate_series, no round trip
        // per row)
        long t1 = System.nanoTime();
        jdbc.execute("drop table if exists bench_outlet");
        jdbc.execute("drop table if exists bench_org");
        jdbc.execute("drop table if exists bench_holder");
        jdbc.execute("create table bench_outlet (i int primary key, outlet_id bigint, merchant_id bigint, category varchar(30))");
        jdbc.execute("create table bench_org (i int primary key, org_id bigint, path varchar(200))");
        List<Object[]> bo = new ArrayList<>();
        for (int i = 0; i < outletCount; i++) {
            bo.add(new Object[] {i, outletIds[i], merchantIds[outletMerchant[i]], merchantCategory[outletMerchant[i]]});
        }
        jdbc.batchUpdate("insert into bench_outlet values (?, ?, ?, ?)", bo);
        List<Object[]> orgs = jdbc.query("select id, path from organisation where kind in ('COMMUNITY', 'ENTERPRISE') "
                + "order by id", (rs, n) -> new Object[] {n, rs.getLong("id"), rs.getString("path")});
        if (orgs.isEmpty()) {
            orgs = jdbc.query("select id, path from organisation order by id",
                    (rs, n) -> new Object[] {n, rs.getLong("id"), rs.getString("path")});
        }
        jdbc.batchUpdate("insert into bench_org values (?, ?, ?)", orgs);
        long chunk = 500_000;
        long lastMember = jdbc.queryForObject("select coalesce(max(id), 0) from member", Long.class);
        long lastCard = jdbc.queryForObject("select coalesce(max(id), 0) from card", Long.class);
        for (long from = 0; from < cards; from += chunk) {
            long to = Math.min(cards, from + chunk) - 1;
            jdbc.update("""
                    insert into member (name, gender, birth_date, id_number_enc, id_number_hash, id_number_masked, org_id,
                      member_type, status, joined_on, created_at, updated_at, version)
                    select '卡基准' || g, case when g % 2 = 0 then 'MALE' else 'FEMALE' end, date '1985-01-01', 'bench',
                      ? || g, '****', o.org_id, 'IN_SERVICE', 'ACTIVE', date '2020-01-01', now(), now(), 0
                    from generate_series(?::bigint, ?::bigint) g join bench_org o on o.i = (g % ?)::int""",
                    "bench-" + run + "-", from, to, orgs.size());
            report("  setup: %,d card holders (%.0f s)", to + 1, (System.nanoTime() - t1) / 1e9);
        }
        jdbc.update("""
                insert into card (member_id, live_member_id, number_enc, number_hash, number_masked, number_last4,
                  card_version, status, issued_on, created_at, updated_at, version)
                select id, id, 'bench', 'bench-' || ? || '-' || id, '************' || lpad((id % 10000)::text, 4, '0'),
                  lpad((id % 10000)::text, 4, '0'), case when id % 3 = 0 then 'V3' else 'V2' end, 'ACTIVE',
                  date '2020-01-01', now(), now(), 0
                from member where id > ?""", run, lastMember);
        jdbc.execute("create table bench_holder as select (row_number() over (order by c.id) - 1)::int as i, c.id as card_id, "
                + "c.member_id, o.path from card c join member m on m.id = c.member_id join organisation o on o.id = m.org_id "
                + "where c.id > " + lastCard);
        jdbc.execute("alter table bench_holder add primary key (i)");
        report("setup: %,d card holders with active cards in %.1f s", cards, (System.nanoTime() - t1) / 1e9);
        long t2 = System.nanoTime();
        long load = summary.loadBatch();
        double secondsApart = 365.0 * 24 * 3600 / redemptions;
        for (long from = 0; from < redemptions; from += chunk) {
            long to = Math.min(redemptions, from + chunk) - 1;
            jdbc.update("""
                    insert into card_redemption (card_merchant_id, outlet_id, idem_key, card_id, card_masked, member_id,
                      member_org_path, category, bill_fen, discount_fen, redeemed_at, ym, by_user, fold_batch)
                    select o.merchant_id, o.outlet_id, ? || s.g, h.card_id, '************' || lpad((h.member_id %% 10000)::text, 4, '0'),
                      h.member_id, h.path, o.category, s.bill, s.bill / 10, s.local at time zone 'Asia/Shanghai',
                      extract(year from s.local)::int * 100 + extract(month from s.local)::int, 'bench', %d
                    from (select g, ((g * 7919 + g / 7) %% ?)::int as holder, 2000 + (g * 104729) %% 30000 as bill,
                            timestamp '%d-01-01 00:00:00' + (g * ?) * interval '1 second' as local,
                            ((g * 2654435761) %% ?)::int as oi from generate_series(?::bigint, ?::bigint) g) s
                    join bench_outlet o on o.i = s.oi
                    join bench_holder h on h.i = s.holder""".formatted(load, year),
                    "bench-" + run + "-", cards, secondsApart, outletCount, from, to);
            report("  setup: %,d redemptions (%.0f s)", to + 1, (System.nanoTime() - t2) / 1e9);
        }
        jdbc.execute("drop table bench_outlet");
        jdbc.execute("drop table bench_org");
        jdbc.execute("drop table bench_holder");
        if (TestDatabase.isPostgres()) {
            jdbc.execute("analyze");
        }
        report("setup: %,d redemptions in %.1f s (not part of the figures)", redemptions, (System.nanoTime() - t2) / 1e9);
        long t3 = System.nanoTime();
        long folded = summary.foldLoaded(load);
        if (TestDatabase.isPostgres()) {
            jdbc.execute("analyze");
        }
        report("setup: %,d redemptions counted into the figures' sums in one set-based pass (FigureSummary.foldLoaded, "
                + "as on a database that already has them) in %.1f s", folded, (System.nanoTime() - t3) / 1e9);
        report("setup: sums kept: %,d rows (%,d at the district level), %,d members' first visits",
                jdbc.queryForObject("select count(*) from card_figure", Long.class),
                jdbc.queryForObject("select count(*) from card_figure where kind in ('y', 'm', 'r', 'c', 'o')", Long.class),
                jdbc.queryForObject("select count(*) from card_figure_member", Long.class));

        nearest(random);
        campaign(officer, merchantIds, outletIds, outletMerchant, run);
        figures(city, merchantIds[0], run, officer);
    }

    private void nearest(Random random) {
        List<String> categories = settings.categories();
        for (int i = 0; i < 200; i++) { // warm-up
            finder.nearest(categories.get(i % categories.size()), 29.6 + random.nextDouble() * 0.6,
                    121.2 + random.nextDouble() * 0.7, 10);
        }
        long[] nanos = new long[nearestQueries];
        int found = 0;
        for (int i = 0; i < nearestQueries; i++) {
            String category = categories.get(random.nextInt(categories.size()));
            double lat = 29.6 + random.nextDouble() * 0.6;
            double lng = 121.2 + random.nextDouble() * 0.7;
            long t = System.nanoTime();
            found += finder.nearest(category, lat, lng, 10).size();
            nanos[i] = System.nanoTime() - t;
        }
        report("NEAREST 10 outlets of a category from %,d random points: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms "
                + "(%.1f outlets found on average)", nearestQueries, pct(nanos, 50), pct(nanos, 95), pct(nanos, 99),
                (double) found / nearestQueries);
    }

    private void campaign(CurrentUser officer, long[] merchantIds, long[] outletIds, int[] outletMerchant, String run)
            throws Exception {
        // one merchant with many outlets: its own outlets plus 40 moved to it (setup)
        long merchant = merchantIds[1];
        jdbc.update("update card_outlet set card_merchant_id = ? where id in (select id from card_outlet "
                + "where card_merchant_id <> ? order by id desc limit 40)", merchant, merchant);
        List<Long> outlets = jdbc.queryForList("select id from card_outlet where card_merchant_id = ?", Long.class, merchant);
        var signIn = signIns.createRecord("基准核销商户" + run);
        jdbc.update("update card_merchant set merchant_id = ? where id = ?", signIn.id(), merchant);
        long accountId = signIns.addAccount(officer, signIn.id(), "bench" + run, null, "Bench2026!" + run);
        CurrentUser account = MerchantTestData.account(accountId, "bench" + run);
        offers.addDiscount(officer, merchant, null, "9 折", DiscountKind.PERCENT, 10);

        long t0 = System.nanoTime();
        OrganisationView unit = organisations.findByCode("NB-HS-T01-E1").orElseThrow();
        List<NewMember> rows = new ArrayList<>();
        for (int i = 0; i < campaignMembers; i++) {
            rows.add(new NewMember("核销" + i, Fixtures.newIdNumber(), null, unit.id(), MemberType.IN_SERVICE,
                    LocalDate.of(2020, 1, 1), Fixtures.newCardNumber()));
        }
        members.registerAll(rows, "benchmark");
        List<Long> holders = jdbc.queryForList("select c.member_id from card c join member m on m.id = c.member_id "
                + "where m.name like '核销%' and c.status = 'ACTIVE' order by c.id desc limit ?", Long.class, campaignMembers);
        report("setup: %,d members with active cards in %.1f s", holders.size(), (System.nanoTime() - t0) / 1e9);

        int perMember = 3;
        int tries = holders.size() * 4; // every member tries once more than the limit
        long budget = (long) holders.size() * perMember * 1_000 * 8 / 10; // 80% of what the limits allow
        Instant now = Instant.now();
        long campaign = offers.addCampaign(officer, merchant, "基准立减", DiscountKind.AMOUNT, 1_000, budget, perMember,
                now.minusSeconds(60), now.plusSeconds(86_400));
        // warm-up (not counted): the same path as the campaign's, from as many tills at once — a warm-up campaign of
        // its own (nobody reaches its limit or budget) and the standing discount, 2,000 redemptions each
        long warmCampaign = offers.addCampaign(officer, merchant, "预热立减", DiscountKind.AMOUNT, 100, 100_000_000L, 100,
                now.minusSeconds(60), now.plusSeconds(86_400));
        int tills = threads > 0 ? threads : outlets.size();
        ExecutorService warm = Executors.newFixedThreadPool(tills);
        List<Future<?>> warming = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            long member = holders.get(i % holders.size());
            long outlet = outlets.get(i % outlets.size());
            Long on = i % 2 == 0 ? warmCampaign : null;
            warming.add(warm.submit(() -> till.redeem(account, new Till.Sale(outlet,
                    codes.issue(member, Instant.now()).token(), null, 5_000, on, UUID.randomUUID().toString()))));
        }
        for (Future<?> f : warming) {
            f.get();
        }
        warm.shutdown();
        // the warm-up's redemptions counted into the figures now, so that the fold job (every 10 s, as in production)
        // folds only the campaign's own while it runs
        summary.foldNow();
        // the members' phones show their codes before they reach the till (not part of the till's rate); a code
        // about to expire is made afresh at the till
        DynamicCodes.DynamicCode[] shown = new DynamicCodes.DynamicCode[tries];
        long t2 = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            shown[i] = codes.issue(holders.get(i % holders.size()), Instant.now());
        }
        report("setup: %,d dynamic codes shown in %.1f s", tries, (System.nanoTime() - t2) / 1e9);
        if (Boolean.getBoolean("bench.withoutForeignKeys") && TestDatabase.isPostgres()) {
            // an experiment: every redemption's foreign-key checks lock the same merchant and campaign rows (FOR KEY
            // SHARE: a multixact per row when tills commit at once); how much do they cost?
            jdbc.execute("""
                    do $$ declare c record; begin
                      for c in select conrelid::regclass as t, conname from pg_constraint where contype = 'f'
                          and conrelid::regclass::text in ('card_redemption', 'card_campaign_member') loop
                        execute format('alter table %s drop constraint %I', c.t, c.conname);
                      end loop;
                    end $$""");
            report("experiment: the foreign keys of card_redemption and card_campaign_member dropped");
        }
        AtomicLong reissued = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong limit = new AtomicLong();
        AtomicLong spent = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(tills);
        List<Future<?>> futures = new ArrayList<>();
        long t1 = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            long member = holders.get(i % holders.size());
            long outlet = outlets.get(i % outlets.size());
            DynamicCodes.DynamicCode code = shown[i];
            futures.add(pool.submit(() -> {
                try {
                    String token = code.token();
                    if (Instant.now().plusSeconds(5).isAfter(code.goodUntil())) {
                        reissued.incrementAndGet();
                        token = codes.issue(member, Instant.now()).token();
                    }
                    till.redeem(account, new Till.Sale(outlet, token, null, 5_000, campaign, UUID.randomUUID().toString()));
                    ok.incrementAndGet();
                } catch (DomainException e) {
                    (e.code().endsWith("member-limit") ? limit : spent).incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        pool.shutdown();
        // the member's own record (module myunion) listens to every redemption and writes its entry in the till's
        // transaction: one entry per redemption of the campaign
        long recorded = jdbc.queryForObject("select count(*) from member_record e join card_redemption r "
                + "on e.kind = 'CARD_DISCOUNT' and e.source_ref = 'redemption:' || r.id where r.campaign_id = ?", Long.class,
                campaign);
        long remaining = offers.campaign(campaign).remainingFen();
        long given = jdbc.queryForObject("select coalesce(sum(discount_fen), 0) from card_redemption where campaign_id = ?",
                Long.class, campaign);
        long maxPerMember = jdbc.queryForObject("select coalesce(max(n), 0) from (select count(*) as n from card_redemption "
                + "where campaign_id = ? group by member_id) x", Long.class, campaign);
        report("CAMPAIGN %,d tries at %d outlets from %d threads in %.1f s: %,d redeemed (%.0f redemptions/s, %.0f tries/s), "
                + "%,d refused at the member's limit, %,d for the budget; budget %,d fen, given %,d, left %,d, "
                + "most per member %d (limit %d), codes made afresh at the till %d, %s: %s", tries, outlets.size(), tills, seconds, ok.get(), ok.get() / seconds,
                tries / seconds, limit.get(), spent.get(), budget, given, remaining, maxPerMember, perMember,
                reissued.get(), "the member's record got " + recorded + " entries", given + remaining == budget && given == ok.get() * 1_000 && maxPerMember <= perMember
                        && ok.get() == budget / 1_000 && recorded == ok.get() ? "EXACT" : "NOT EXACT");
        summary.foldNow(); // the campaign's redemptions counted, so that the fold job does not run beside pgbench
        Double ceiling = pgbenchCeiling();
        if (ceiling != null) {
            report("CAMPAIGN ratio to the pgbench insert ceiling (%.0f tx/s, 8 clients, 15 s): %.2f", ceiling,
                    ok.get() / seconds / ceiling);
        }
    }

    private void figures(OrganisationView city, long merchantId, String run, CurrentUser officer) {
        CurrentUser cityStaff = Fixtures.staffAt(city, Role.STAFF);
        CurrentUser district = Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF);
        var signIn = signIns.createRecord("基准统计商户" + run);
        jdbc.update("update card_merchant set merchant_id = ? where id = ?", signIn.id(), merchantId);
        long accountId = signIns.addAccount(officer, signIn.id(), "benchf" + run, null, "Bench2026!" + run);
        CurrentUser merchant = MerchantTestData.account(accountId, "benchf" + run);
        for (Object[] who : new Object[][] {{"city", cityStaff}, {"district", district}, {"merchant", merchant}}) {
            for (Figures.By by : List.of(Figures.By.MONTH, Figures.By.MERCHANT, Figures.By.ORGANISATION)) {
                CurrentUser user = (CurrentUser) who[1];
                figures.of(user, year, by); // warm-up
                long[] nanos = new long[figureRuns];
                long visits = 0;
                for (int i = 0; i < figureRuns; i++) {
                    long t = System.nanoTime();
                    visits = figures.of(user, year, by).stream().mapToLong(Figures.Line::visits).sum();
                    nanos[i] = System.nanoTime() - t;
                }
                report("FIGURES %s's year by %s (%,d member-visits): p50 %.0f ms, p95 %.0f ms", who[0], by, visits,
                        pct(nanos, 50), pct(nanos, 95));
            }
        }
    }

    /** pgbench's insert ceiling on the same database (as scripts/bench/bench.sh measures it), or null without pgbench. */
    private Double pgbenchCeiling() {
        if (!TestDatabase.isPostgres()) {
            return null;
        }
        String url = System.getenv().getOrDefault("GONGHUI_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/gonghui_test");
        String db = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
        try {
            Path setup = Path.of("scripts/bench/pgbench-setup.sql");
            run(true, List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-f", setup.toString()));
            // pgbench's random keys may meet one already written (a client aborts, as in scripts/bench/bench.sh):
            // the rate of what it did is still its figure
            String out = run(false, List.of("pgbench", "-n", "-h", "127.0.0.1", "-U", "postgres", "-c", "8", "-j", "2", "-T", "15",
                    "-f", "scripts/bench/pgbench-ceiling.sql", db));
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
            Files.writeString(Path.of("target/card-benchmark.txt"), line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}

package org.gonghui.card.merchant;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds new redemptions into the figures' sums ({@code card_figure}, see V8_7): the till writes a redemption and
 * nothing else (no counter row that every till would wait for); a fold takes the redemptions not yet counted —
 * {@code fold_batch} null, marked with the fold's batch number by one update, so a redemption committed meanwhile is
 * simply left for the next fold — and adds per year, grouping key and the member's organisation path the member-visits,
 * the discount and the members seen for the first time that year under that key ({@code card_figure_member}). All of
 * it in one transaction: a failed fold leaves nothing counted. Folds run one at a time (the state row is locked); a
 * fold that finds another under way leaves the work to it.
 */
@Component
class FigureSummary {

    private static final Logger log = LoggerFactory.getLogger(FigureSummary.class);

    /** The groupings kept: kind and the key's expression over {@code card_redemption r}. */
    private static final List<String[]> KINDS = List.of(
            new String[] {"Y", "cast('' as varchar(30))"},
            new String[] {"M", "cast(r.ym as varchar(30))"},
            new String[] {"R", "cast(r.card_merchant_id as varchar(30))"},
            new String[] {"C", "r.category"},
            new String[] {"O", "cast(r.outlet_id as varchar(30))"});

    /**
     * A member's organisation path cut to its district's ({@code /1/2/3/} → {@code /1/2/}; the city's own stays): where
     * the district-level sums are kept.
     */
    static final String DISTRICT = "(case when position('/' in substring(org_path from 2)) + 1 = char_length(org_path) "
            + "then org_path else substring(org_path from 1 for 1 + position('/' in substring(org_path from 2)) "
            + "+ position('/' in substring(org_path from 2 + position('/' in substring(org_path from 2))))) end)";

    private static String merge(String source) {
        return "merge into card_figure f using (" + source + ") s on (f.yr = s.yr and f.kind = s.kind and f.k = s.k "
                + "and f.org_path = s.org_path) "
                + "when matched then update set visits = f.visits + s.visits, members = f.members + s.members, "
                + "discount_fen = f.discount_fen + s.off "
                + "when not matched then insert (yr, kind, k, org_path, visits, members, discount_fen) "
                + "values (s.yr, s.kind, s.k, s.org_path, s.visits, s.members, s.off)";
    }

    /** Redemptions folded per transaction at most. */
    static final int CHUNK = 200_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String delta;
    private final String mergeLeaves;
    private final String mergeDistricts;
    private final String firstVisits;
    private final String remember;
    private final boolean postgres;

    FigureSummary(JdbcClient jdbc, PlatformTransactionManager transactions, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Till.isPostgres(dataSource);
        this.tx = new TransactionTemplate(transactions);
        StringBuilder visits = new StringBuilder();
        StringBuilder firsts = new StringBuilder();
        for (String[] kind : KINDS) {
            if (!visits.isEmpty()) {
                visits.append(" union all ");
                firsts.append(" union all ");
            }
            visits.append("select r.ym / 100 as yr, '").append(kind[0]).append("' as kind, ").append(kind[1])
                    .append(" as k, r.member_org_path as org_path, count(*) as visits, 0 as members, ")
                    .append("sum(r.discount_fen) as off from card_redemption r where r.fold_batch = :src group by r.ym / 100, ")
                    .append(groupBy(kind)).append("r.member_org_path");
            firsts.append("select r.ym / 100 as yr, '").append(kind[0]).append("' as kind, ").append(kind[1])
                    .append(" as k, r.member_id, min(r.member_org_path) as org_path from card_redemption r ")
                    .append("where r.fold_batch = :src group by r.ym / 100, ").append(groupBy(kind)).append("r.member_id");
        }
        // the members seen for the first time in their year under a key: not in card_figure_member yet
        this.firstVisits = "select g.yr, g.kind, g.k, g.member_id, g.org_path from (" + firsts + ") g where not exists "
                + "(select 1 from card_figure_member fm where fm.yr = g.yr and fm.kind = g.kind and fm.k = g.k "
                + "and fm.member_id = g.member_id)";
        this.delta = "insert into card_figure_delta (batch, yr, kind, k, org_path, visits, members, discount_fen) "
                + "select cast(:b as bigint), yr, kind, k, org_path, sum(visits), sum(members), sum(off) from (" + visits
                + " union all select n.yr, n.kind, n.k, n.org_path, 0, count(*), 0 from (" + firstVisits
                + ") n group by n.yr, n.kind, n.k, n.org_path) x group by yr, kind, k, org_path";
        this.mergeLeaves = merge("select yr, kind, k, org_path, visits, members, discount_fen as off from card_figure_delta "
                + "where batch = :b");
        this.mergeDistricts = merge("select yr, lower(kind) as kind, k, " + DISTRICT + " as org_path, sum(visits) as visits, "
                + "sum(members) as members, sum(discount_fen) as off from card_figure_delta where batch = :b "
                + "group by yr, lower(kind), k, " + DISTRICT);
        // after the sums: the batch's members under each key remembered (those already known are left as they are; no
        // anti-join of the table with itself while it is written), in the primary key's order: a bulk load's millions of
        // first visits then go into the index page after page, not at random pages of an index larger than memory
        this.remember = "insert into card_figure_member (yr, kind, k, member_id) select f.yr, f.kind, f.k, f.member_id from ("
                + firsts + ") f order by f.yr, f.kind, f.k, f.member_id on conflict do nothing";
    }

    /**
     * Folds every redemption not yet counted (in chunks); answers how many. With {@code wait} a fold under way is
     * waited for (a reader then sees every redemption committed before it asked); without, -1 is answered at once.
     */
    long fold(boolean wait) {
        long total = 0;
        while (true) {
            Integer n = tx.execute(status -> foldChunk(wait));
            if (n == null || n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
            if (n < CHUNK) {
                return total;
            }
        }
    }

    /** The key in a group by (none for the year: a constant). */
    private static String groupBy(String[] kind) {
        return kind[0].equals("Y") ? "" : kind[1] + ", ";
    }

    private int foldChunk(boolean wait) {
        Optional<Long> last = jdbc.sql("select batch from card_figure_state where id = 1 for update"
                + (wait ? "" : " skip locked"))
                .query(Long.class).optional();
        if (last.isEmpty()) {
            return -1;
        }
        long b = last.get() + 1;
        int marked = jdbc.sql("""
                update card_redemption set fold_batch = :b where id in
                (select id from card_redemption where fold_batch is null order by id fetch first :n rows only)""")
                .param("b", b).param("n", CHUNK).update();
        if (marked == 0) {
            return 0;
        }
        jdbc.sql("update card_figure_state set batch = :b where id = 1").param("b", b).update();
        if (postgres && marked > 10_000) {
            // a large batch (a first fold, a bulk load): the planner must know how many rows the batch has and how
            // large the sums have grown, or it joins them row by row
            jdbc.sql("analyze card_redemption").update();
            jdbc.sql("analyze card_figure").update();
            jdbc.sql("analyze card_figure_member").update();
            jdbc.sql("analyze card_figure_delta").update();
        }
        sum(b, b);
        return marked;
    }

    /** Adds the redemptions marked {@code source} to the sums, as batch {@code b}. */
    private void sum(long b, long source) {
        jdbc.sql(delta).param("b", b).param("src", source).update();
        jdbc.sql(mergeLeaves).param("b", b).update();
        jdbc.sql(mergeDistricts).param("b", b).update();
        jdbc.sql(remember).param("src", source).update();
        jdbc.sql("delete from card_figure_delta where batch = :b").param("b", b).update();
    }

    /**
     * A batch number for redemptions written in bulk (a migration of existing redemptions, the benchmark's year): they
     * are written with {@code fold_batch} set to it, which no fold picks up, and counted by {@link #foldLoaded} in one
     * set-based pass instead of being marked and folded chunk by chunk.
     */
    long loadBatch() {
        Long b = tx.execute(status -> {
            long next = jdbc.sql("select batch from card_figure_state where id = 1 for update").query(Long.class).single() + 1;
            jdbc.sql("update card_figure_state set batch = :b where id = 1").param("b", next).update();
            return next;
        });
        return b == null ? 0 : b;
    }

    /**
     * Adds the redemptions written in bulk under {@code batch} (from {@link #loadBatch}) to the sums in one pass: the
     * same statements as a fold, over all of them at once — a few grouped inserts, no marking update of millions of
     * rows, no chunks. A batch is counted once (the last one counted is kept in {@code card_figure_state}, row 2);
     * answers how many redemptions were counted.
     */
    long foldLoaded(long batch) {
        Long n = tx.execute(status -> {
            jdbc.sql("select batch from card_figure_state where id = 1 for update").query(Long.class).single();
            Optional<Long> counted = jdbc.sql("select batch from card_figure_state where id = 2").query(Long.class).optional();
            if (counted.isPresent() && counted.get() >= batch) {
                return 0L;
            }
            jdbc.sql(counted.isPresent() ? "update card_figure_state set batch = :b where id = 2"
                    : "insert into card_figure_state (id, batch) values (2, :b)").param("b", batch).update();
            long loaded = jdbc.sql("select count(*) from card_redemption where fold_batch = :b").param("b", batch)
                    .query(Long.class).single();
            if (loaded == 0) {
                return 0L;
            }
            if (postgres) {
                // millions of rows grouped five ways: room to hash them in memory, and statistics that know them
                jdbc.sql("set local work_mem = '256MB'").update();
                jdbc.sql("analyze card_redemption").update();
                jdbc.sql("analyze card_figure_member").update();
            }
            sum(batch, batch);
            return loaded;
        });
        return n == null ? 0 : n;
    }

    @Scheduled(fixedDelayString = "${gonghui.card.figures-fold-delay:10000}",
            initialDelayString = "${gonghui.card.figures-fold-delay:10000}")
    void foldNow() {
        try {
            fold(false);
        } catch (RuntimeException e) {
            log.warn("folding card redemptions into the figures failed; will retry", e);
        }
    }
}

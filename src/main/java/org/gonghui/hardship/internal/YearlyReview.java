package org.gonghui.hardship.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.gonghui.activity.LotteryDraw;
import org.gonghui.hardship.HardshipTier;
import org.gonghui.hardship.HardshipTierChanged;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly review (动态管理) of a subtree, in one transaction: every approved archive whose review falls due by the
 * end of the year is re-assessed with the year's standard and today's rules (its figures and explanation sealed with
 * the review), tier changes are applied (with {@link HardshipTierChanged}), archives still in hardship are due again a
 * year later, and those no longer in hardship are listed to leave (staff record leaving with the reason). A share of the
 * archives is drawn for a home visit with the activity lottery's published algorithm ({@link LotteryDraw}, every
 * weight 1): the list of archive ids and its SHA-256 and the seed are published, so anyone can replay the draw.
 * Set-based: one read of the archives, multi-row inserts of the review lines, three updates and one insert of steps.
 */
@Service
public class YearlyReview {

    static final int ROWS_PER_INSERT = 500;

    /** What a run did, and what lets anyone replay its draw. */
    public record Round(long id, String scopePath, int year, BigDecimal visitShare, String seed, String entriesHash,
            int archives, int visits, int changed, int ending, String runBy, java.time.Instant runAt) {
    }

    /** One archive's line in a round: its tier before and after ({@code null}: no longer in hardship), draw rank. */
    public record Item(long archiveId, HardshipTier before, HardshipTier after, int rank, boolean visit) {
        public String number() {
            return String.format("KN%08d", archiveId);
        }
    }

    private record Due(long id, Long memberId, HardshipTier tier, String orgPath, String household) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Sealing sealing;
    private final MeansTestData data;
    private final AuditLog audit;
    private final PlatformTime time;
    private final ApplicationEventPublisher events;
    private final HardshipProperties properties;
    private final SecureRandom random = new SecureRandom();

    YearlyReview(JdbcClient jdbc, JdbcTemplate batch, Sealing sealing, MeansTestData data, AuditLog audit,
            PlatformTime time, ApplicationEventPublisher events, HardshipProperties properties) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.batch = batch;
        this.sealing = sealing;
        this.data = data;
        this.audit = audit;
        this.time = time;
        this.events = events;
    }

    /**
     * Runs the review of the staff user's subtree for a year (township level or above) with the share drawn for a
     * home visit and the published seed (blank: a random one, published).
     */
    @Transactional
    public Round run(CurrentUser staff, int year, BigDecimal visitShare, String seed) {
        TreePath scope = TreePath.scopeOf(staff);
        HardshipApplications.requireLevel(staff, HardshipApplications.TOWNSHIP, "hardship.review.level");
        LocalDate today = time.today();
        if (year < today.getYear() - 1 || year > today.getYear() + 1) {
            throw DomainException.invalid("hardship.review.year");
        }
        if (visitShare == null || visitShare.signum() < 0 || visitShare.compareTo(BigDecimal.ONE) > 0) {
            throw DomainException.invalid("hardship.review.share");
        }
        String publishedSeed = seed == null || seed.isBlank() ? randomSeed() : seed.strip();
        if (publishedSeed.length() > 100) {
            throw DomainException.invalid("hardship.review.seed");
        }
        List<Due> due = jdbc.sql("""
                select id, member_id, tier, org_path, household_enc from hardship_archive
                where status = 'APPROVED' and org_path like :scope and review_due <= :end order by id""")
                .param("scope", scope.likePattern()).param("end", Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new Due(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        HardshipTier.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5))).list();
        MeansTest.Rules rules = data.rulesOn(today);
        Map<Long, MeansTest.Standard> standards = data.standardsOf(year);

        List<LotteryDraw.Entry> entries = new ArrayList<>(due.size());
        due.forEach(d -> entries.add(new LotteryDraw.Entry(d.id(), BigDecimal.ONE)));
        String hash = LotteryDraw.hash(entries);
        List<Long> order = LotteryDraw.order(entries, publishedSeed);
        int visits = visitShare.multiply(BigDecimal.valueOf(due.size())).setScale(0, RoundingMode.CEILING).intValue();
        Map<Long, Integer> rank = new HashMap<>(order.size() * 2);
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i + 1);
        }

        Timestamp now = Timestamp.from(time.now());
        long roundId = insertRound(scope, year, visitShare, publishedSeed, hash, due.size(), visits, staff, now);
        List<Object[]> rows = new ArrayList<>(due.size());
        List<HardshipTierChanged> changes = new ArrayList<>();
        int ending = 0;
        // the CPU part (unseal, means test, seal) on every core; the rest in archive order
        List<Object[]> assessed = due.parallelStream().map(d -> {
            MeansTest.Standard standard = MeansTestData.districtOf(d.orgPath()).map(standards::get)
                    .orElseThrow(() -> DomainException.conflict("hardship.standard.missing", year));
            MeansTest.Outcome outcome = MeansTest.assess(rules, standard, sealing.household(d.household()));
            return new Object[] {outcome.tier(), sealing.seal(new Sealing.Decision(outcome.figures(), outcome.lines()))};
        }).toList();
        for (int k = 0; k < due.size(); k++) {
            Due d = due.get(k);
            HardshipTier after = (HardshipTier) assessed.get(k)[0];
            if (after == null) {
                ending++;
            } else if (after != d.tier()) {
                changes.add(new HardshipTierChanged(d.id(), d.memberId() == null ? 0 : d.memberId(), d.tier(), after));
            }
            int r = rank.get(d.id());
            rows.add(new Object[] {roundId, d.id(), d.tier().name(), after == null ? null : after.name(), r, r <= visits,
                    assessed.get(k)[1]});
        }
        insertItems(rows);
        applyOutcomes(roundId, today, staff, now);
        jdbc.sql("update hardship_review_round set changed = :c, ending = :e where id = :id")
                .param("c", changes.size()).param("e", ending).param("id", roundId).update();
        audit.record("hardship.review", "hardship_review_round", roundId,
                due.size() + " archives, " + visits + " visits, seed " + publishedSeed + ", sha256 " + hash);
        changes.forEach(events::publishEvent);
        return round(roundId);
    }

    private long insertRound(TreePath scope, int year, BigDecimal share, String seed, String hash, int archives,
            int visits, CurrentUser staff, Timestamp now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into hardship_review_round (scope_path, review_year, visit_share, seed, entries_hash, archives,
                  visits, changed, ending, run_by, run_at)
                values (:scope, :y, :share, :seed, :hash, :n, :v, 0, 0, :by, :at)""")
                .param("scope", scope.value()).param("y", year).param("share", share.setScale(3, RoundingMode.HALF_UP))
                .param("seed", seed).param("hash", hash).param("n", archives).param("v", visits)
                .param("by", staff.getUsername()).param("at", now).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void insertItems(List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(i, Math.min(rows.size(), i + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("insert into hardship_review_item (round_id, archive_id, tier_before, "
                    + "tier_after, draw_rank, visit, figures_enc) values ");
            List<Object> args = new ArrayList<>(chunk.size() * 7);
            for (int j = 0; j < chunk.size(); j++) {
                sql.append(j == 0 ? "" : ",").append("(?,?,?,?,?,?,?)");
                for (Object value : chunk.get(j)) {
                    args.add(value);
                }
            }
            batch.update(sql.toString(), args.toArray());
        }
    }

    /** Tier changes, the next due day of archives still in hardship, and one step per archive, set-based. */
    private void applyOutcomes(long roundId, LocalDate today, CurrentUser staff, Timestamp now) {
        for (HardshipTier tier : HardshipTier.values()) {
            jdbc.sql("""
                    update hardship_archive set tier = :t where id in (select archive_id from hardship_review_item
                      where round_id = :r and tier_after = :t and tier_before <> :t)""")
                    .param("t", tier.name()).param("r", roundId).update();
        }
        jdbc.sql("""
                update hardship_archive set reviewed_on = :d, review_due = :due where id in (select archive_id
                  from hardship_review_item where round_id = :r and tier_after is not null)""")
                .param("d", Date.valueOf(today)).param("due", Date.valueOf(today.plusYears(1))).param("r", roundId)
                .update();
        jdbc.sql("""
                update hardship_archive set reviewed_on = :d where id in (select archive_id
                  from hardship_review_item where round_id = :r and tier_after is null)""")
                .param("d", Date.valueOf(today)).param("r", roundId).update();
        jdbc.sql("""
                insert into hardship_step (archive_id, step, actor, actor_account, actor_org_id, at, reason)
                select archive_id, case when tier_after is null or tier_after = tier_before then 'REVIEWED'
                  else 'TIER_CHANGED' end, :actor, :acc, :org, :at,
                  case when visit then 'VISIT' else null end
                from hardship_review_item where round_id = :r""")
                .param("actor", staff.getUsername()).param("acc", staff.accountId()).param("org", staff.orgId())
                .param("at", now).param("r", roundId).update();
    }

    /** A round in the staff user's subtree. */
    @Transactional(readOnly = true)
    public Round requireInScope(CurrentUser staff, long id) {
        TreePath scope = TreePath.scopeOf(staff);
        Round round = jdbc.sql("select * from hardship_review_round where id = :id").param("id", id).query(YearlyReview::map)
                .optional().filter(r -> scope.contains(r.scopePath()))
                .orElseThrow(() -> DomainException.notFound("hardship.review.not-found"));
        return round;
    }

    Round round(long id) {
        return jdbc.sql("select * from hardship_review_round where id = :id").param("id", id).query(YearlyReview::map).single();
    }

    /** The rounds of the staff user's subtree (and those above it that covered it), newest first. */
    @Transactional(readOnly = true)
    public List<Round> rounds(CurrentUser staff) {
        TreePath scope = TreePath.scopeOf(staff);
        return jdbc.sql("select * from hardship_review_round where scope_path like :scope order by id desc limit 50")
                .param("scope", scope.likePattern()).query(YearlyReview::map).list();
    }

    /** The round's lines in draw order (visits first). */
    @Transactional(readOnly = true)
    public List<Item> items(long roundId) {
        return jdbc.sql("""
                select archive_id, tier_before, tier_after, draw_rank, visit from hardship_review_item
                where round_id = :r order by draw_rank""").param("r", roundId)
                .query((rs, n) -> new Item(rs.getLong(1), HardshipTier.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : HardshipTier.valueOf(rs.getString(3)), rs.getInt(4),
                        rs.getBoolean(5))).list();
    }

    /** The frozen figures and explanation of one archive's re-assessment in a round. */
    @Transactional(readOnly = true)
    public Sealing.Decision figures(long roundId, long archiveId) {
        return sealing.decision(jdbc.sql("select figures_enc from hardship_review_item where round_id = :r and archive_id = :a")
                .param("r", roundId).param("a", archiveId).query(String.class).optional()
                .orElseThrow(() -> DomainException.notFound("hardship.not-found")));
    }

    /** The configured share drawn for a home visit. */
    public BigDecimal defaultShare() {
        return properties.visitShare();
    }

    /** The published entry list of a round: its archive ids as the lottery's canonical list (weights 1). */
    public static String canonical(List<Item> items) {
        return LotteryDraw.canonical(items.stream().map(i -> new LotteryDraw.Entry(i.archiveId(), BigDecimal.ONE)).toList());
    }

    private static Round map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Round(rs.getLong("id"), rs.getString("scope_path"), rs.getInt("review_year"),
                rs.getBigDecimal("visit_share"), rs.getString("seed"), rs.getString("entries_hash"), rs.getInt("archives"),
                rs.getInt("visits"), rs.getInt("changed"), rs.getInt("ending"), rs.getString("run_by"),
                rs.getTimestamp("run_at").toInstant());
    }

    private String randomSeed() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

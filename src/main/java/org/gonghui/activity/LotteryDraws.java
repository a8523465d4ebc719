package org.gonghui.activity;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Running lotteries: freeze the entries and publish their hash when the window has closed, then draw with a
 * published seed (see {@link LotteryDraw} for the algorithm). With a weighted draw an entry weighs 1, plus 0.5
 * for each lottery the member lost in the last 180 days (at most +1), halved after a no-show in the last 90.
 */
@Service
public class LotteryDraws {

    static final BigDecimal BASE = BigDecimal.ONE;
    static final BigDecimal PER_LOSS = new BigDecimal("0.5");
    static final int MAX_LOSSES = 2;

    private final Activities activities;
    private final NumberPools pools;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    LotteryDraws(Activities activities, NumberPools pools, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.activities = activities;
        this.pools = pools;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Freezes the entries of a lottery whose window has closed and publishes their hash. */
    @Transactional
    public PublishedDraw freeze(CurrentUser staff, long activityId) {
        ActivityView a = activities.requireInScope(staff, activityId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!a.isLottery()) {
            throw DomainException.conflict("lottery.not-a-lottery");
        }
        if (a.status() != ActivityStatus.PUBLISHED && a.status() != ActivityStatus.CLOSED) {
            throw DomainException.conflict("lottery.already-frozen");
        }
        if (a.status() == ActivityStatus.PUBLISHED && now.isBefore(a.closesAt())) {
            throw DomainException.conflict("lottery.window-open");
        }
        List<Long[]> entries = jdbc.sql("select id, member_id from registration where activity_id = :a and status = 'ENTERED'")
                .param("a", activityId).query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (Long[] entry : entries) {
            BigDecimal weight = a.weightedDraw() ? weightOf(entry[1], now) : BASE;
            jdbc.sql("update registration set draw_weight = :w where id = :id").param("w", weight).param("id", entry[0])
                    .update();
        }
        String hash = LotteryDraw.hash(entriesOf(activityId));
        jdbc.sql("update activity set status = 'FROZEN', entries_hash = :h, entries_frozen_at = :at where id = :id")
                .param("h", hash).param("at", Timestamp.from(now)).param("id", activityId).update();
        activities.forget(activityId);
        audit.record("lottery.freeze", "activity", activityId, entries.size() + " entries, sha256 " + hash);
        return published(activityId);
    }

    /** Draws with the given seed (or a random one when blank), stores and publishes the order. */
    @Transactional
    public PublishedDraw draw(CurrentUser staff, long activityId, String seed) {
        ActivityView a = activities.requireInScope(staff, activityId);
        if (a.status() != ActivityStatus.FROZEN) {
            throw DomainException.conflict("lottery.not-frozen");
        }
        String theSeed = seed == null || seed.isBlank() ? randomSeed() : seed.trim();
        if (theSeed.length() > 100) {
            throw DomainException.invalid("lottery.seed.invalid");
        }
        List<LotteryDraw.Entry> entries = entriesOf(activityId);
        if (!LotteryDraw.hash(entries).equals(a.entriesHash())) {
            throw DomainException.conflict("lottery.entries-changed");
        }
        List<Long> order = LotteryDraw.order(entries, theSeed);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < order.size(); i++) {
            int rank = i + 1;
            boolean wins = rank <= a.capacity();
            jdbc.sql("""
                    update registration set status = :s, place_no = :p, draw_rank = :r, updated_at = :now
                    where id = :id and status = 'ENTERED'""")
                    .param("s", wins ? "CONFIRMED" : "WAITLISTED").param("p", wins ? rank : null).param("r", rank)
                    .param("now", Timestamp.from(now)).param("id", order.get(i)).update();
            if (!wins && a.monthlyLimit() != null) {
                long member = jdbc.sql("select member_id from registration where id = :id").param("id", order.get(i))
                        .query(Long.class).single();
                jdbc.sql("""
                        update registration_quota set used = used - 1
                        where member_id = :m and category = :c and period_month = :pm and used > 0""")
                        .param("m", member).param("c", a.category().name()).param("pm", a.periodMonth(clock.getZone())).update();
            }
        }
        jdbc.sql("update activity set status = 'DRAWN', draw_seed = :seed, drawn_at = :at where id = :id")
                .param("seed", theSeed).param("at", Timestamp.from(now)).param("id", activityId).update();
        activities.forget(activityId);
        pools.forgetPlaces(activityId);
        audit.record("lottery.draw", "activity", activityId, "seed " + theSeed);
        return published(activityId);
    }

    /** The published data of a lottery (entries only once frozen, the order only once drawn). */
    @Transactional(readOnly = true)
    public PublishedDraw published(long activityId) {
        var row = jdbc.sql("select capacity, status, entries_hash, entries_frozen_at, draw_seed, drawn_at from activity where id = :id")
                .param("id", activityId).query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3),
                        ActivityStore.instant(rs, "entries_frozen_at"), rs.getString(5), ActivityStore.instant(rs, "drawn_at")})
                .optional().orElseThrow(() -> DomainException.notFound("activity.not-found"));
        boolean frozen = row[2] != null;
        List<LotteryDraw.Entry> entries = frozen ? entriesOf(activityId) : List.of();
        List<Long> order = row[4] == null ? List.of() : jdbc.sql("""
                select id from registration where activity_id = :a and draw_rank is not null order by draw_rank""")
                .param("a", activityId).query(Long.class).list();
        return new PublishedDraw(activityId, (Integer) row[0], entries, (String) row[2], (Instant) row[3],
                (String) row[4], (Instant) row[5], order);
    }

    private List<LotteryDraw.Entry> entriesOf(long activityId) {
        return jdbc.sql("""
                select id, draw_weight from registration
                where activity_id = :a and draw_weight is not null order by id""")
                .param("a", activityId)
                .query((rs, n) -> new LotteryDraw.Entry(rs.getLong(1), rs.getBigDecimal(2))).list();
    }

    /** The weight of a member's entry in a weighted draw. */
    BigDecimal weightOf(long memberId, Instant now) {
        int losses = jdbc.sql("""
                select count(*) from registration r join activity a on a.id = r.activity_id
                where r.member_id = :m and a.mode = 'LOTTERY' and a.drawn_at > :since and r.draw_rank > a.capacity""")
                .param("m", memberId).param("since", Timestamp.from(now.minus(180, ChronoUnit.DAYS)))
                .query(Integer.class).single();
        int noShows = jdbc.sql("select count(*) from registration where member_id = :m and no_show and updated_at > :since")
                .param("m", memberId).param("since", Timestamp.from(now.minus(90, ChronoUnit.DAYS)))
                .query(Integer.class).single();
        return weight(losses, noShows);
    }

    static BigDecimal weight(int recentLosses, int recentNoShows) {
        BigDecimal w = BASE.add(PER_LOSS.multiply(BigDecimal.valueOf(Math.min(recentLosses, MAX_LOSSES))));
        return recentNoShows > 0 ? w.divide(BigDecimal.valueOf(2)) : w;
    }

    private String randomSeed() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

package org.gonghui.card.merchant;

import java.time.Instant;
import java.util.List;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A merchant's standing discounts (per merchant or one outlet: percent off, an amount off, a member price) and the
 * federation's time-limited campaigns (特惠活动) with a budget and a per-member limit. Officers set both.
 */
@Service
public class Offers {

    private final CardMerchants merchants;
    private final AuditLog audit;
    private final PlatformTime time;
    private final JdbcClient jdbc;
    private final MerchantStore store;
    private final TillFacts facts;

    Offers(CardMerchants merchants, AuditLog audit, PlatformTime time, JdbcClient jdbc, MerchantStore store,
            TillFacts facts) {
        this.merchants = merchants;
        this.store = store;
        this.facts = facts;
        this.audit = audit;
        this.time = time;
        this.jdbc = jdbc;
    }

    /** A standing discount; {@code outletId} null for all the merchant's outlets. */
    public record Discount(long id, long merchantId, Long outletId, String title, DiscountKind kind, long amount) {
    }

    /** A campaign with what is left of its budget. */
    public record Campaign(long id, long merchantId, String title, DiscountKind kind, long amount, long budgetFen,
            long remainingFen, int perMember, Instant startsAt, Instant endsAt) {

        public boolean runningAt(Instant at) {
            return !at.isBefore(startsAt) && at.isBefore(endsAt);
        }
    }

    @Transactional
    public long addDiscount(CurrentUser officer, long merchantId, Long outletId, String title, DiscountKind kind,
            long amount) {
        MerchantView m = merchants.officerFind(officer, merchantId);
        if (outletId != null && merchants.outlets(m.id()).stream().noneMatch(o -> o.id() == outletId)) {
            throw DomainException.notFound("card.merchant.outlet.not-found");
        }
        if (kind == null || !kind.validAmount(amount)) {
            throw DomainException.invalid("card.merchant.discount.amount");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into card_discount (card_merchant_id, outlet_id, title, kind, amount, active, created_at)
                values (:m, :o, :t, :k, :a, true, :at)""").param("m", m.id()).param("o", outletId)
                .param("t", CardMerchants.text(title, 100, "card.merchant.title.invalid")).param("k", kind.name())
                .param("a", amount).param("at", MerchantStore.ts(time.now())).update(keys, "id");
        long id = keys.getKey().longValue();
        facts.changed();
        audit.record("card.merchant.discount", "card_merchant", m.id(), kind + " " + amount);
        return id;
    }

    @Transactional
    public long addCampaign(CurrentUser officer, long merchantId, String title, DiscountKind kind, long amount,
            long budgetFen, int perMember, Instant startsAt, Instant endsAt) {
        MerchantView m = merchants.officerFind(officer, merchantId);
        if (kind == null || !kind.validAmount(amount)) {
            throw DomainException.invalid("card.merchant.discount.amount");
        }
        if (budgetFen <= 0 || budgetFen > 100_000_000_00L || perMember <= 0 || perMember > 1000) {
            throw DomainException.invalid("card.merchant.campaign.budget");
        }
        if (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt)) {
            throw DomainException.invalid("card.merchant.campaign.window");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into card_campaign (card_merchant_id, title, kind, amount, budget_fen, remaining_fen, per_member,
                  starts_at, ends_at, created_by, created_at)
                values (:m, :t, :k, :a, :b, :b, :p, :s, :e, :by, :at)""").param("m", m.id())
                .param("t", CardMerchants.text(title, 100, "card.merchant.title.invalid")).param("k", kind.name())
                .param("a", amount).param("b", budgetFen).param("p", perMember).param("s", MerchantStore.ts(startsAt))
                .param("e", MerchantStore.ts(endsAt)).param("by", officer.getUsername())
                .param("at", MerchantStore.ts(time.now())).update(keys, "id");
        long id = keys.getKey().longValue();
        long[] shards = shards(kind, amount, budgetFen, SHARDS);
        for (int i = 0; i < shards.length; i++) {
            jdbc.sql("insert into card_campaign_budget (campaign_id, shard, remaining_fen) values (:c, :s, :r)")
                    .param("c", id).param("s", i).param("r", shards[i]).update();
        }
        facts.changed();
        audit.record("card.merchant.campaign", "card_merchant", m.id(), title);
        return id;
    }

    /** Shards a campaign's budget is split into (see {@link Till}). */
    static final int SHARDS = 16;

    /**
     * The budget split into shards: for a fixed amount off, each shard a whole number of discounts (the rest in shard
     * 0), so that the whole budget can be given; otherwise evenly (at most one discount's worth may stay in a shard).
     */
    static long[] shards(DiscountKind kind, long amount, long budgetFen, int count) {
        long unit = kind == DiscountKind.AMOUNT ? amount : 1;
        long units = budgetFen / unit;
        int n = (int) Math.max(1, Math.min(count, units));
        long[] shards = new long[n];
        for (int i = 0; i < n; i++) {
            shards[i] = units / n * unit;
        }
        shards[0] += budgetFen - units / n * unit * n;
        return shards;
    }

    @Transactional(readOnly = true)
    public List<Discount> discounts(long merchantId) {
        return store.discounts(merchantId);
    }

    @Transactional(readOnly = true)
    public List<Campaign> campaigns(long merchantId) {
        return store.campaigns(merchantId);
    }

    @Transactional(readOnly = true)
    public Campaign campaign(long id) {
        return jdbc.sql(CAMPAIGN + " where c.id = :id").param("id", id).query((rs, n) -> campaign(rs))
                .optional().orElseThrow(() -> DomainException.notFound("card.merchant.campaign.not-found"));
    }

    static final String CAMPAIGN = "select c.*, (select coalesce(sum(b.remaining_fen), 0) from card_campaign_budget b "
            + "where b.campaign_id = c.id) as left_fen from card_campaign c";

    static Campaign campaign(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Campaign(rs.getLong("id"), rs.getLong("card_merchant_id"), rs.getString("title"),
                DiscountKind.valueOf(rs.getString("kind")), rs.getLong("amount"), rs.getLong("budget_fen"),
                rs.getLong("left_fen"), rs.getInt("per_member"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant());
    }
}

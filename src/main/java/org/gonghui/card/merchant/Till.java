package org.gonghui.card.merchant;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gonghui.card.CardView;
import org.gonghui.card.Cards;
import org.gonghui.card.DiscountRedeemed;
import org.gonghui.card.DynamicCodes;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redemption at the till: the merchant's account scans the member's dynamic code (or types the card number) at one of
 * its outlets, enters the bill, and the discount is recorded. In one transaction: the code is spent, a campaign's
 * per-member counter is taken by a conditional update ({@code used < per_member}), the redemption is written, and the
 * discount is taken from one of the campaign's budget shards by a conditional update ({@code remaining_fen >=
 * discount}) last, so that shard's row is held for the shortest time and redemptions at other tills take other
 * shards meanwhile. Whatever fails leaves nothing written. The idempotency key (unique per merchant) makes a
 * retry answer the first result.
 */
@Service
public class Till {

    private final TillFacts facts;
    private final Cards cards;
    private final DynamicCodes codes;
    private final PlatformTime time;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean postgres;
    private final ApplicationEventPublisher events;
    private final TillCommits commits;

    Till(TillFacts facts, Cards cards, DynamicCodes codes, PlatformTime time, JdbcClient jdbc,
            PlatformTransactionManager transactions, DataSource dataSource, ApplicationEventPublisher events,
            TillCommits commits) {
        this.events = events;
        this.commits = commits;
        this.facts = facts;
        this.cards = cards;
        this.codes = codes;
        this.postgres = isPostgres(dataSource);
        this.time = time;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    static boolean isPostgres(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                    .toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("database unknown", e);
        }
    }

    /** What the till typed: the outlet, the member's code or card number, the bill in fen, a campaign or none, the key. */
    public record Sale(long outletId, String code, String cardNumber, long billFen, Long campaignId, String key) {
    }

    /** The recorded redemption as the till shows it; {@code replay} when a retry got the first answer again. */
    public record Receipt(long id, long outletId, String outletName, String cardMasked, long billFen, long discountFen,
            String discountTitle, Instant at, boolean replay) {

        public long payFen() {
            return billFen - discountFen;
        }
    }

    public Receipt redeem(CurrentUser user, Sale sale) {
        TillFacts.Facts known = facts.of(user);
        if (sale == null || sale.key() == null || !sale.key().matches("[A-Za-z0-9-]{8,64}")) {
            throw DomainException.invalid("card.merchant.redeem.key");
        }
        long merchantId = known.merchant().id();
        if (commits.enabled()) {
            Optional<Receipt> together = redeemTogether(user, known, sale);
            if (together.isPresent()) {
                return together.get();
            }
        }
        try {
            return tx.execute(status -> record(user, known, sale));
        } catch (DuplicateKeyException | DomainException e) {
            // a retry (the code already spent, or the key already written), or the same key submitted twice at once
            // (the second waits for the first): the first result is the answer
            return byKey(merchantId, sale.key()).orElseThrow(() -> e instanceof DomainException d ? d
                    : DomainException.conflict("card.merchant.redeem.retry"));
        }
    }

    /** What the till's sale comes to, checked in memory: the outlet, the discount and where it comes from. */
    private record Priced(MerchantView merchant, OutletView outlet, boolean hasCode, long discountFen, String title,
            Long discountId, Offers.Campaign campaign, Instant now, int ym) {
    }

    private Priced price(TillFacts.Facts known, Sale sale) {
        MerchantView merchant = known.merchant();
        Instant now = time.now();
        LocalDate today = time.dateOf(now);
        if (!merchant.discountsOn(today)) {
            throw DomainException.conflict("card.merchant.redeem.not-live");
        }
        OutletView outlet = known.outlets().get(sale.outletId());
        if (outlet == null) {
            throw DomainException.notFound("card.merchant.outlet.not-found");
        }
        if (sale.billFen() <= 0 || sale.billFen() > 100_000_000L) {
            throw DomainException.invalid("card.merchant.redeem.bill");
        }
        boolean hasCode = sale.code() != null && !sale.code().isBlank();
        boolean hasNumber = sale.cardNumber() != null && !sale.cardNumber().isBlank();
        if (hasCode == hasNumber) {
            throw DomainException.invalid("card.merchant.redeem.code-or-number");
        }
        if (hasCode && sale.code().length() > 300) {
            throw DomainException.invalid("card.code.malformed");
        }
        int ym = today.getYear() * 100 + today.getMonthValue();
        if (sale.campaignId() != null) {
            Offers.Campaign campaign = known.campaigns().get(sale.campaignId());
            if (campaign == null) {
                throw DomainException.notFound("card.merchant.campaign.not-found");
            }
            if (!campaign.runningAt(now)) {
                throw DomainException.conflict("card.merchant.campaign.not-running");
            }
            return new Priced(merchant, outlet, hasCode, campaign.kind().discountOn(sale.billFen(), campaign.amount()),
                    campaign.title(), null, campaign, now, ym);
        }
        Offers.Discount best = known.discounts().stream()
                .filter(d -> d.outletId() == null || d.outletId() == outlet.id())
                .max(Comparator.comparingLong((Offers.Discount d) -> d.kind().discountOn(sale.billFen(), d.amount()))
                        .thenComparingLong(d -> -d.id()))
                .orElseThrow(() -> DomainException.conflict("card.merchant.redeem.no-discount"));
        return new Priced(merchant, outlet, hasCode, best.kind().discountOn(sale.billFen(), best.amount()), best.title(),
                best.id(), null, now, ym);
    }

    /**
     * The redemption written together with those of other tills ({@link TillCommits}); empty when it is to be written
     * on its own after all (the batch failed as a whole).
     */
    private Optional<Receipt> redeemTogether(CurrentUser user, TillFacts.Facts known, Sale sale) {
        Priced p = price(known, sale);
        Scanned card = scanned(sale, p.hasCode(), p.now());
        Offers.Campaign campaign = p.campaign();
        TillCommits.Outcome o = commits.redeem(new TillCommits.Redemption(card.cardId(), card.memberId(), card.nonce(),
                card.minute(), p.merchant().id(), p.merchant().name(), p.outlet().id(), p.outlet().name(), sale.key(),
                p.merchant().categories().get(0), sale.billFen(), p.discountFen(), p.discountId(),
                campaign == null ? null : campaign.id(), campaign == null ? 0 : campaign.perMember(),
                campaign == null ? 1 : shardCount(campaign), p.now(), p.ym(), user.getUsername()));
        if (o.alone()) {
            return Optional.empty();
        }
        if (o.id() != null) {
            return Optional.of(new Receipt(o.id(), p.outlet().id(), p.outlet().name(), o.masked(), sale.billFen(),
                    p.discountFen(), p.title(), p.now(), false));
        }
        if (o.refusal().equals("KEY") || o.refusal().equals("GH003") || !p.hasCode()) {
            // perhaps a retry — the key written, the code spent by the first try, or (a card number, no code) the turn
            // or the budget the first try took: the first result is the answer, if there is one
            return Optional.of(byKey(p.merchant().id(), sale.key()).orElseThrow(() -> o.refusal().equals("KEY")
                    ? DomainException.conflict("card.merchant.redeem.retry") : refusal(o.refusal(), campaign)));
        }
        throw refusal(o.refusal(), campaign);
    }

    /** The card a sale names: from the code (signature checked here, spent by the write) or by its number. */
    private record Scanned(long cardId, long memberId, String nonce, long minute) {
    }

    private Scanned scanned(Sale sale, boolean hasCode, Instant at) {
        if (hasCode) {
            DynamicCodes.Scanned code = codes.scan(sale.code().strip(), at);
            return new Scanned(code.cardId(), code.memberId(), code.nonce(), code.minute());
        }
        CardView card = cards.activeByNumber(sale.cardNumber())
                .orElseThrow(() -> DomainException.invalid("card.merchant.redeem.card-unknown"));
        return new Scanned(card.id(), card.memberId(), null, 0);
    }

    private static DomainException refusal(String sqlState, Offers.Campaign campaign) {
        String refusal = REFUSALS.get(sqlState);
        if (refusal == null) {
            throw new IllegalStateException("unknown refusal " + sqlState);
        }
        if (refusal.endsWith("member-limit")) {
            return DomainException.conflict(refusal, campaign.perMember());
        }
        return refusal.equals("member.not-found") ? DomainException.notFound(refusal) : DomainException.conflict(refusal);
    }

    /**
     * The redemption in one transaction and as few round trips as it takes: the merchant's facts come from
     * {@link TillFacts} and the code's signature is checked in memory; on PostgreSQL the rest is one call (the card, the
     * nonce, the member's turn, the redemption, the budget shard: {@code card_redeem}, V17_1), on H2 the same steps one
     * statement each. Then {@link DiscountRedeemed} is published in the transaction (once per new redemption: a retry
     * answered from {@link #byKey} publishes nothing), and the commit.
     */
    private Receipt record(CurrentUser user, TillFacts.Facts known, Sale sale) {
        Priced p = price(known, sale);
        MerchantView merchant = p.merchant();
        OutletView outlet = p.outlet();
        Written written = postgres
                ? writeInOneCall(user, merchant, outlet, sale, p.hasCode(), p.discountFen(), p.discountId(), p.campaign(),
                        p.now(), p.ym())
                : writeStepByStep(user, merchant, outlet, sale, p.hasCode(), p.discountFen(), p.discountId(),
                        p.campaign(), p.now(), p.ym());
        // inside the transaction: a listener's writes commit or roll back with the redemption
        events.publishEvent(new DiscountRedeemed(written.id(), written.memberId(), merchant.id(), merchant.name(),
                outlet.name(), sale.billFen(), p.discountFen(), p.campaign() == null ? null : p.campaign().id(), p.now()));
        return new Receipt(written.id(), outlet.id(), outlet.name(), written.masked(), sale.billFen(), p.discountFen(),
                p.title(), p.now(), false);
    }

    /** What was written: the redemption's id, the member and the masked card number. */
    private record Written(long id, long memberId, String masked) {
    }

    /** Refusals of {@code card_redeem} (V17_1) by SQLSTATE. */
    private static final Map<String, String> REFUSALS = Map.of("GH001", "card.code.not-bound",
            "GH002", "card.code.card-not-active", "GH003", "card.code.replayed",
            "GH004", "card.merchant.campaign.member-limit", "GH005", "card.merchant.campaign.budget-spent",
            "GH006", "member.not-found");

    /**
     * PostgreSQL: the card checked, the code's nonce spent, the member's turn, the redemption and the budget shard in
     * one call of {@code card_redeem} (V17_1) — one round trip; a refusal raises an error that undoes the call.
     */
    private Written writeInOneCall(CurrentUser user, MerchantView merchant, OutletView outlet, Sale sale, boolean hasCode,
            long discountFen, Long discountId, Offers.Campaign campaign, Instant at, int ym) {
        Scanned card = scanned(sale, hasCode, at);
        long cardId = card.cardId();
        long memberId = card.memberId();
        String nonce = card.nonce();
        long minute = card.minute();
        int own = campaign == null ? 0 : ownShard(campaign, outlet.id());
        try {
            long member = memberId;
            return jdbc.sql("""
                    select redemption_id, masked from card_redeem(cast(:card as bigint), cast(:member as bigint),
                      cast(:nonce as varchar), cast(:minute as bigint), cast(:m as bigint), cast(:o as bigint),
                      cast(:k as varchar), cast(:cat as varchar), cast(:bill as bigint), cast(:off as bigint),
                      cast(:d as bigint), cast(:c as bigint), cast(:per as int), cast(:shard as int),
                      cast(:at as timestamp with time zone), cast(:ym as int), cast(:by as varchar))""")
                    .param("card", cardId).param("member", memberId).param("nonce", nonce).param("minute", minute)
                    .param("m", merchant.id()).param("o", outlet.id()).param("k", sale.key())
                    .param("cat", merchant.categories().get(0)).param("bill", sale.billFen()).param("off", discountFen)
                    .param("d", discountId).param("c", campaign == null ? null : campaign.id())
                    .param("per", campaign == null ? 0 : campaign.perMember()).param("shard", own)
                    .param("at", MerchantStore.ts(at)).param("ym", ym).param("by", user.getUsername())
                    .query((rs, n) -> new Written(rs.getLong(1), member, rs.getString(2))).single();
        } catch (DataAccessException e) {
            String state = sqlState(e);
            if (state == null || !REFUSALS.containsKey(state)) {
                throw e;
            }
            throw refusal(state, campaign);
        }
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** H2: the code verified and spent, the member's turn, the redemption and the budget shard, one by one. */
    private Written writeStepByStep(CurrentUser user, MerchantView merchant, OutletView outlet, Sale sale,
            boolean hasCode, long discountFen, Long discountId, Offers.Campaign campaign, Instant now, int ym) {
        long cardId;
        long memberId;
        String masked;
        if (hasCode) {
            DynamicCodes.Verified v = codes.verify(sale.code().strip(), now);
            cardId = v.cardId();
            memberId = v.memberId();
            masked = v.numberMasked();
        } else {
            CardView card = cards.activeByNumber(sale.cardNumber())
                    .orElseThrow(() -> DomainException.invalid("card.merchant.redeem.card-unknown"));
            cardId = card.id();
            memberId = card.memberId();
            masked = card.numberMasked();
        }
        if (campaign != null && !takeMemberTurn(campaign, memberId)) {
            throw DomainException.conflict("card.merchant.campaign.member-limit", campaign.perMember());
        }
        var keys = new GeneratedKeyHolder();
        int written = jdbc.sql("""
                insert into card_redemption (card_merchant_id, outlet_id, idem_key, card_id, card_masked, member_id,
                  member_org_path, category, bill_fen, discount_fen, discount_id, campaign_id, redeemed_at, ym, by_user)
                select cast(:m as bigint), cast(:o as bigint), cast(:k as varchar(64)), cast(:card as bigint),
                  cast(:masked as varchar(40)), mb.id, org.path, cast(:cat as varchar(30)), cast(:bill as bigint),
                  cast(:off as bigint), cast(:d as bigint), cast(:c as bigint), cast(:at as timestamp with time zone),
                  cast(:ym as int), cast(:by as varchar(100))
                from member mb join organisation org on org.id = mb.org_id where mb.id = :member""")
                .param("m", merchant.id()).param("o", outlet.id()).param("k", sale.key()).param("card", cardId)
                .param("masked", masked).param("member", memberId).param("cat", merchant.categories().get(0))
                .param("bill", sale.billFen()).param("off", discountFen).param("d", discountId)
                .param("c", campaign == null ? null : campaign.id()).param("at", MerchantStore.ts(now))
                .param("ym", ym).param("by", user.getUsername())
                .update(keys, "id");
        if (written != 1) {
            throw DomainException.notFound("member.not-found");
        }
        if (campaign != null && !takeFromBudget(campaign, discountFen, outlet.id())) {
            throw DomainException.conflict("card.merchant.campaign.budget-spent");
        }
        return new Written(keys.getKey().longValue(), memberId, masked);
    }

    /** The budget shard an outlet's till takes from first (spread over tills and threads). */
    private static int ownShard(Offers.Campaign campaign, long outletId) {
        return (int) Math.floorMod(outletId * 31 + Thread.currentThread().getId(), shardCount(campaign));
    }

    private static int shardCount(Offers.Campaign campaign) {
        return Offers.shards(campaign.kind(), campaign.amount(), campaign.budgetFen(), Offers.SHARDS).length;
    }

    /**
     * One more of the member's turns in the campaign, unless they had them all: on PostgreSQL one statement (the row
     * made or counted up only below the limit), on H2 the row made if missing and counted up by a conditional update.
     */
    private boolean takeMemberTurn(Offers.Campaign campaign, long memberId) {
        if (postgres) {
            return jdbc.sql("""
                    insert into card_campaign_member (campaign_id, member_id, used) values (:c, :m, 1)
                    on conflict (campaign_id, member_id) do update set used = card_campaign_member.used + 1
                    where card_campaign_member.used < :limit""").param("c", campaign.id()).param("m", memberId)
                    .param("limit", campaign.perMember()).update() == 1;
        }
        jdbc.sql("insert into card_campaign_member (campaign_id, member_id, used) values (:c, :m, 0) on conflict do nothing")
                .param("c", campaign.id()).param("m", memberId).update();
        return jdbc.sql("""
                update card_campaign_member set used = used + 1
                where campaign_id = :c and member_id = :m and used < :limit""").param("c", campaign.id())
                .param("m", memberId).param("limit", campaign.perMember()).update() == 1;
    }

    /**
     * Takes the discount from one of the campaign's budget shards: the outlet's own first (one conditional update,
     * never below zero), and only when it has too little left, the others that still have enough.
     */
    private boolean takeFromBudget(Offers.Campaign campaign, long discountFen, long outletId) {
        if (discountFen == 0) {
            return true;
        }
        int own = ownShard(campaign, outletId);
        if (takeFromShard(campaign.id(), own, discountFen)) {
            return true;
        }
        List<Integer> others = jdbc.sql("select shard from card_campaign_budget where campaign_id = :c and remaining_fen >= :d "
                + "order by shard").param("c", campaign.id()).param("d", discountFen).query(Integer.class).list();
        int start = Math.floorMod(own, Math.max(1, others.size()));
        for (int i = 0; i < others.size(); i++) {
            if (takeFromShard(campaign.id(), others.get((start + i) % others.size()), discountFen)) {
                return true;
            }
        }
        return false;
    }

    private boolean takeFromShard(long campaignId, int shard, long discountFen) {
        return jdbc.sql("""
                update card_campaign_budget set remaining_fen = remaining_fen - :d
                where campaign_id = :c and shard = :s and remaining_fen >= :d""").param("d", discountFen)
                .param("c", campaignId).param("s", shard).update() == 1;
    }

    /** What a till needs to know of its merchant: whether it may give discounts today, outlets, discounts, campaigns running. */
    public record Counter(long merchantId, String merchantName, boolean live, List<OutletView> outlets,
            List<Offers.Discount> discounts, List<Offers.Campaign> campaigns) {
    }

    /** The signed-in merchant's till facts (no budget figures: those change with every redemption). */
    public Counter counter(CurrentUser user) {
        TillFacts.Facts known = facts.of(user);
        Instant now = time.now();
        return new Counter(known.merchant().id(), known.merchant().name(), known.merchant().discountsOn(time.dateOf(now)),
                List.copyOf(known.outlets().values()), known.discounts(),
                known.campaigns().values().stream().filter(c -> c.runningAt(now)).toList());
    }

    /** A campaign running and how many more times the member may use it. */
    public record Turns(long campaignId, String title, int left) {
    }

    /** A looked-up code: the card (masked only) and the member's turns left in the merchant's running campaigns. */
    public record Lookup(String cardMasked, org.gonghui.card.CardVersion version, List<Turns> campaigns) {
    }

    /**
     * Looks a member's dynamic code up without spending it: refused as {@link DynamicCodes#verify} would refuse it.
     * Nothing of the member beyond the masked card number is shown.
     */
    public Lookup lookup(CurrentUser user, String code) {
        TillFacts.Facts known = facts.of(user);
        if (code == null || code.isBlank() || code.length() > 300) {
            throw DomainException.invalid("card.code.malformed");
        }
        Instant now = time.now();
        DynamicCodes.Verified v = codes.peek(code.strip(), now);
        List<Turns> turns = known.campaigns().values().stream().filter(c -> c.runningAt(now)).map(c -> {
            int used = jdbc.sql("select coalesce(max(used), 0) from card_campaign_member where campaign_id = :c and member_id = :m")
                    .param("c", c.id()).param("m", v.memberId()).query(Integer.class).single();
            return new Turns(c.id(), c.title(), Math.max(0, c.perMember() - used));
        }).toList();
        return new Lookup(v.numberMasked(), v.version(), turns);
    }

    /** The redemption the merchant recorded under a key (a till that lost the answer asks again). */
    public Optional<Receipt> receipt(CurrentUser user, String key) {
        TillFacts.Facts known = facts.of(user);
        if (key == null || !key.matches("[A-Za-z0-9-]{8,64}")) {
            throw DomainException.invalid("card.merchant.redeem.key");
        }
        return byKey(known.merchant().id(), key);
    }

    private Optional<Receipt> byKey(long merchantId, String key) {
        return jdbc.sql("""
                select r.*, o.name as outlet_name, coalesce(c.title, d.title) as title from card_redemption r
                join card_outlet o on o.id = r.outlet_id left join card_campaign c on c.id = r.campaign_id
                left join card_discount d on d.id = r.discount_id
                where r.card_merchant_id = :m and r.idem_key = :k""").param("m", merchantId).param("k", key)
                .query((rs, n) -> new Receipt(rs.getLong("id"), rs.getLong("outlet_id"), rs.getString("outlet_name"),
                        rs.getString("card_masked"), rs.getLong("bill_fen"), rs.getLong("discount_fen"),
                        rs.getString("title"), rs.getTimestamp("redeemed_at").toInstant(), true))
                .optional();
    }
}

package org.gonghui.card.merchant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gonghui.card.CardView;
import org.gonghui.card.Cards;
import org.gonghui.card.DynamicCodes;
import org.gonghui.member.MemberLookup;
import org.gonghui.member.MemberView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final CardMerchants merchants;
    private final Offers offers;
    private final Cards cards;
    private final DynamicCodes codes;
    private final MemberLookup members;
    private final PlatformTime time;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Till(CardMerchants merchants, Offers offers, Cards cards, DynamicCodes codes, MemberLookup members, PlatformTime time,
            JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.merchants = merchants;
        this.offers = offers;
        this.cards = cards;
        this.codes = codes;
        this.members = members;
        this.time = time;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
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
        MerchantView merchant = merchants.own(user);
        if (sale == null || sale.key() == null || !sale.key().matches("[A-Za-z0-9-]{8,64}")) {
            throw DomainException.invalid("card.merchant.redeem.key");
        }
        Optional<Receipt> first = byKey(merchant.id(), sale.key());
        if (first.isPresent()) {
            return first.get();
        }
        try {
            return tx.execute(status -> record(user, merchant, sale));
        } catch (DuplicateKeyException | DomainException e) {
            // the same key submitted twice at once: the second waits for the first and answers its result
            return byKey(merchant.id(), sale.key()).orElseThrow(() -> e instanceof DomainException d ? d
                    : DomainException.conflict("card.merchant.redeem.retry"));
        }
    }

    private Receipt record(CurrentUser user, MerchantView merchant, Sale sale) {
        Instant now = time.now();
        LocalDate today = time.dateOf(now);
        if (!merchant.discountsOn(today)) {
            throw DomainException.conflict("card.merchant.redeem.not-live");
        }
        OutletView outlet = merchants.outlets(merchant.id()).stream().filter(o -> o.id() == sale.outletId()).findFirst()
                .orElseThrow(() -> DomainException.notFound("card.merchant.outlet.not-found"));
        if (sale.billFen() <= 0 || sale.billFen() > 100_000_000L) {
            throw DomainException.invalid("card.merchant.redeem.bill");
        }
        long cardId;
        long memberId;
        String masked;
        boolean hasCode = sale.code() != null && !sale.code().isBlank();
        boolean hasNumber = sale.cardNumber() != null && !sale.cardNumber().isBlank();
        if (hasCode == hasNumber) {
            throw DomainException.invalid("card.merchant.redeem.code-or-number");
        }
        if (hasCode) {
            if (sale.code().length() > 300) {
                throw DomainException.invalid("card.code.malformed");
            }
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
        MemberView member = members.view(memberId).orElseThrow(() -> DomainException.notFound("member.not-found"));

        long discountFen;
        String title;
        Long discountId = null;
        Offers.Campaign campaign = null;
        if (sale.campaignId() != null) {
            campaign = offers.campaign(sale.campaignId());
            if (campaign.merchantId() != merchant.id()) {
                throw DomainException.notFound("card.merchant.campaign.not-found");
            }
            if (!campaign.runningAt(now)) {
                throw DomainException.conflict("card.merchant.campaign.not-running");
            }
            discountFen = campaign.kind().discountOn(sale.billFen(), campaign.amount());
            title = campaign.title();
        } else {
            Offers.Discount best = offers.discounts(merchant.id()).stream()
                    .filter(d -> d.outletId() == null || d.outletId() == outlet.id())
                    .max(java.util.Comparator.comparingLong((Offers.Discount d) -> d.kind().discountOn(sale.billFen(), d.amount()))
                            .thenComparingLong(d -> -d.id()))
                    .orElseThrow(() -> DomainException.conflict("card.merchant.redeem.no-discount"));
            discountFen = best.kind().discountOn(sale.billFen(), best.amount());
            title = best.title();
            discountId = best.id();
        }
        if (campaign != null) {
            jdbc.sql("insert into card_campaign_member (campaign_id, member_id, used) values (:c, :m, 0) on conflict do nothing")
                    .param("c", campaign.id()).param("m", memberId).update();
            int taken = jdbc.sql("""
                    update card_campaign_member set used = used + 1
                    where campaign_id = :c and member_id = :m and used < :limit""").param("c", campaign.id())
                    .param("m", memberId).param("limit", campaign.perMember()).update();
            if (taken == 0) {
                throw DomainException.conflict("card.merchant.campaign.member-limit", campaign.perMember());
            }
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into card_redemption (card_merchant_id, outlet_id, idem_key, card_id, card_masked, member_id,
                  member_org_path, category, bill_fen, discount_fen, discount_id, campaign_id, redeemed_at, ym, by_user)
                values (:m, :o, :k, :card, :masked, :member, :path, :cat, :bill, :off, :d, :c, :at, :ym, :by)""")
                .param("m", merchant.id()).param("o", outlet.id()).param("k", sale.key()).param("card", cardId)
                .param("masked", masked).param("member", memberId).param("path", member.orgPath())
                .param("cat", merchant.categories().get(0)).param("bill", sale.billFen()).param("off", discountFen)
                .param("d", discountId).param("c", campaign == null ? null : campaign.id())
                .param("at", MerchantStore.ts(now)).param("ym", today.getYear() * 100 + today.getMonthValue())
                .param("by", user.getUsername()).update(keys, "id");
        if (campaign != null && !takeFromBudget(campaign.id(), discountFen, outlet.id())) {
            throw DomainException.conflict("card.merchant.campaign.budget-spent");
        }
        return new Receipt(keys.getKey().longValue(), outlet.id(), outlet.name(), masked, sale.billFen(), discountFen,
                title, now, false);
    }

    /**
     * Takes the discount from one of the campaign's budget shards, starting at the outlet's own and trying the others
     * when it has too little left: a conditional update, never below zero.
     */
    private boolean takeFromBudget(long campaignId, long discountFen, long outletId) {
        if (discountFen == 0) {
            return true;
        }
        List<Integer> shards = jdbc.sql("select shard from card_campaign_budget where campaign_id = :c and remaining_fen >= :d "
                + "order by shard").param("c", campaignId).param("d", discountFen).query(Integer.class).list();
        int start = (int) Math.floorMod(outletId * 31 + Thread.currentThread().getId(), Math.max(1, shards.size()));
        for (int i = 0; i < shards.size(); i++) {
            int shard = shards.get((start + i) % shards.size());
            if (jdbc.sql("""
                    update card_campaign_budget set remaining_fen = remaining_fen - :d
                    where campaign_id = :c and shard = :s and remaining_fen >= :d""").param("d", discountFen)
                    .param("c", campaignId).param("s", shard).update() == 1) {
                return true;
            }
        }
        return false;
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

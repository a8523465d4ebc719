package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.card.merchant.MerchantTestData.application;
import static org.gonghui.card.merchant.MerchantTestData.officer;
import static org.gonghui.card.merchant.MerchantTestData.outlet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gonghui.card.DiscountRedeemed;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.gonghui.card.DynamicCodes;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tills' group commit on PostgreSQL ({@link TillCommits}, {@code card_redeem_many}): in one batch each refusal
 * undoes only its own writes — the code stays unspent, the member's turn and the budget are given back — and the
 * others are written, with their events, in the batch's one transaction.
 */
@IntegrationTest
class TillCommitsIntegrationTests {

    @Autowired CardMerchants merchants;
    @Autowired MerchantSettings settings;
    @Autowired Offers offers;
    @Autowired Till till;
    @Autowired TillCommits commits;
    @Autowired DynamicCodes codes;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;
    @Autowired ConfigurableApplicationContext context;

    @BeforeEach
    void postgresOnly() {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "the group commit runs on PostgreSQL only");
    }

    @Test
    void aRefusalInABatchUndoesOnlyItselfAndTheOthersAreWrittenWithTheirEvents() {
        var m = MerchantTestData.approved(merchants, settings, organisations,
                application(Fixtures.unique("批量影城"), "cinema", outlet("一号厅", 29.87, 121.55)));
        long outletId = m.outlets().get(0).id();
        Instant now = Instant.now();
        // 10 yuan off, 1 per member, budget for 2
        long campaign = offers.addCampaign(officer(organisations), m.id(), "批量立减", DiscountKind.AMOUNT, 1_000, 2_000, 1,
                now.minusSeconds(60), now.plusSeconds(3_600));
        offers.addDiscount(officer(organisations), m.id(), null, "减 3 元", DiscountKind.AMOUNT, 300);
        List<MemberView> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(MerchantTestData.member(members, organisations, "NB-HS-T01-E1"));
        }
        String a1 = code(people.get(0));
        String a2 = code(people.get(0));
        String c3 = code(people.get(2));
        String d4 = code(people.get(3));
        String firstKey = key();
        List<TillCommits.Redemption> batch = List.of(
                sale(m, outletId, people.get(0), a1, firstKey, campaign, now),  // written: budget 1 left
                sale(m, outletId, people.get(0), a2, key(), campaign, now),     // the member's one turn is used
                sale(m, outletId, people.get(1), code(people.get(1)), key(), campaign, now), // written: budget spent
                sale(m, outletId, people.get(2), c3, key(), campaign, now),     // the budget is spent
                sale(m, outletId, people.get(0), a1, key(), null, now),         // the code was spent by the first
                sale(m, outletId, people.get(3), d4, firstKey, null, now),      // the key is written already
                sale(m, outletId, people.get(3), code(people.get(3)), key(), null, now)); // written: standing discount

        List<TillCommits.Outcome> outcomes = commits.commit(batch.stream()
                .map(r -> new TillCommits.Pending(r, null, new CompletableFuture<>())).toList());

        assertThat(outcomes).extracting(TillCommits.Outcome::refusal)
                .containsExactly(null, "GH004", null, "GH005", "GH003", "KEY", null);
        assertThat(outcomes).extracting(o -> o.id() != null).containsExactly(true, false, true, false, false, false, true);
        assertThat(offers.campaign(campaign).remainingFen()).isZero();
        assertThat(count("select count(*) from card_redemption where card_merchant_id = :m", m.id())).isEqualTo(3);
        assertThat(count("select coalesce(sum(discount_fen), 0) from card_redemption where card_merchant_id = :m", m.id()))
                .isEqualTo(2_300);
        // the turns: one each for the two written, none left behind by the refusals
        assertThat(count("select coalesce(sum(used), 0) from card_campaign_member where campaign_id = :m", campaign))
                .isEqualTo(2);
        assertThat(count("select coalesce(max(used), 0) from card_campaign_member where campaign_id = " + campaign
                + " and member_id = :m", people.get(2).id())).isZero();
        // each written redemption's event was published in the batch's transaction: the member's record has it
        for (TillCommits.Outcome o : outcomes) {
            if (o.id() != null) {
                assertThat(count("select count(*) from member_record where kind = 'CARD_DISCOUNT' and source_ref = "
                        + "'redemption:' || :m", o.id())).isOne();
            }
        }
        // the refused codes were not spent: they still redeem the standing discount at the till
        for (String unspent : List.of(a2, c3, d4)) {
            assertThat(till.redeem(m.account(), new Till.Sale(outletId, unspent, null, 5_000, null, key())).discountFen())
                    .isEqualTo(300);
        }
    }

    @Test
    void aBatchThatFailsAsAWholeIsRedeemedAloneAndWrittenOnce() {
        var m = MerchantTestData.approved(merchants, settings, organisations,
                application(Fixtures.unique("回退影城"), "cinema", outlet("一号厅", 29.87, 121.55)));
        offers.addDiscount(officer(organisations), m.id(), null, "减 3 元", DiscountKind.AMOUNT, 300);
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        // a listener that fails once: the shared commit rolls back, and the till writes the redemption on its own
        AtomicBoolean failed = new AtomicBoolean();
        ApplicationListener<ApplicationEvent> failOnce = e -> {
            if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof DiscountRedeemed d
                    && d.merchantId() == m.id() && Thread.currentThread().getName().startsWith("till-writer")
                    && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("a listener's error");
            }
        };
        context.addApplicationListener(failOnce);
        try {
            String key = key();
            Till.Receipt receipt = till.redeem(m.account(), new Till.Sale(m.outlets().get(0).id(), code(member), null,
                    5_000, null, key));
            assertThat(failed).isTrue();
            assertThat(receipt.discountFen()).isEqualTo(300);
            assertThat(receipt.replay()).isFalse();
            assertThat(count("select count(*) from card_redemption where card_merchant_id = :m", m.id())).isOne();
            assertThat(count("select count(*) from member_record where kind = 'CARD_DISCOUNT' and source_ref = "
                    + "'redemption:' || :m", receipt.id())).isOne();
        } finally {
            context.removeApplicationListener(failOnce);
        }
    }

    private long count(String sql, long param) {
        return jdbc.sql(sql).param("m", param).query(Long.class).single();
    }

    private String code(MemberView member) {
        return codes.issue(member.id(), Instant.now()).token();
    }

    private TillCommits.Redemption sale(MerchantTestData.Approved m, long outletId, MemberView member, String code,
            String key, Long campaign, Instant now) {
        DynamicCodes.Scanned s = codes.scan(code, now);
        long discount = campaign == null ? 300 : 1_000;
        LocalDate today = LocalDate.now();
        return new TillCommits.Redemption(s.cardId(), member.id(), s.nonce(), s.minute(), m.id(), "批量影城",
                outletId, "一号厅", key, "cinema", 5_000, discount, null, campaign, campaign == null ? 0 : 1,
                campaign == null ? 1 : 2, now, today.getYear() * 100 + today.getMonthValue(), "till-test");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}

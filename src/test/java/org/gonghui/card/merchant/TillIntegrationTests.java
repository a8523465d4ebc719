package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.card.merchant.MerchantTestData.application;
import static org.gonghui.card.merchant.MerchantTestData.officer;
import static org.gonghui.card.merchant.MerchantTestData.outlet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gonghui.card.CardView;
import org.gonghui.card.Cards;
import org.gonghui.card.DynamicCodes;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.gonghui.support.IntegrationTest;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.gonghui.card.DiscountRedeemed;

@IntegrationTest
class TillIntegrationTests {

    @Autowired ConfigurableApplicationContext context;

    @Autowired CardMerchants merchants;
    @Autowired MerchantSettings settings;
    @Autowired Offers offers;
    @Autowired Till till;
    @Autowired Figures figures;
    @Autowired Cards cards;
    @Autowired DynamicCodes codes;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;
    @Autowired TillFacts facts;

    MerchantTestData.Approved cinema(int outlets) {
        OutletForm[] forms = new OutletForm[outlets];
        for (int i = 0; i < outlets; i++) {
            forms[i] = outlet("厅" + i, 29.87 + i * 0.001, 121.55);
        }
        return MerchantTestData.approved(merchants, settings, organisations,
                application(Fixtures.unique("测试影城"), "cinema", forms));
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aCodeIsRedeemedWithTheBestStandingDiscountAndARetryAnswersTheFirstResult() {
        var m = cinema(1);
        CurrentUser officer = officer(organisations);
        offers.addDiscount(officer, m.id(), null, "会员 8 折", DiscountKind.PERCENT, 20);
        offers.addDiscount(officer, m.id(), m.outlets().get(0).id(), "会员价 29.9 元", DiscountKind.MEMBER_PRICE, 2_990);
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        String code = codes.issue(member.id(), Instant.now()).token();
        String key = key();
        var sale = new Till.Sale(m.outlets().get(0).id(), code, null, 4_500, null, key);
        Till.Receipt first = till.redeem(m.account(), sale);
        assertThat(first.discountFen()).isEqualTo(1_510); // 45.00 - 29.90 beats 20% (9.00)
        assertThat(first.discountTitle()).isEqualTo("会员价 29.9 元");
        assertThat(first.cardMasked()).startsWith("************");
        assertThat(first.replay()).isFalse();
        Till.Receipt again = till.redeem(m.account(), sale);
        assertThat(again.replay()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.discountFen()).isEqualTo(1_510);
        // the same code under a new key is a replayed code, and nothing is written
        assertThatThrownBy(() -> till.redeem(m.account(), new Till.Sale(sale.outletId(), code, null, 4_500, null, key())))
                .hasMessageContaining("card.code.replayed");
        assertThat(jdbc.sql("select count(*) from card_redemption where card_merchant_id = :m").param("m", m.id())
                .query(Long.class).single()).isOne();
        // a typed card number works too
        String number = cards.payeeAccount(member.id()).orElseThrow().accountNumber();
        var typed = till.redeem(m.account(), new Till.Sale(sale.outletId(), null, number, 10_000, null, key()));
        assertThat(typed.discountFen()).isEqualTo(7_010);
    }

    @Test
    void aNewRedemptionPublishesOneEventAndARetryOrARefusalNone() {
        var m = cinema(2);
        // published by whichever thread writes the redemption (on PostgreSQL the tills' shared writer)
        List<DiscountRedeemed> published = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = e -> {
            if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof DiscountRedeemed d
                    && d.merchantId() == m.id()) {
                published.add(d);
            }
        };
        context.addApplicationListener(listener);
        try {
            redeemPublishRefuse(m, published);
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    private void redeemPublishRefuse(MerchantTestData.Approved m, List<DiscountRedeemed> published) {
        CurrentUser officer = officer(organisations);
        Instant now = Instant.now();
        long campaign = offers.addCampaign(officer, m.id(), "观影立减", DiscountKind.AMOUNT, 1_000, 100_000, 1,
                now.minusSeconds(60), now.plusSeconds(3_600));
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        var sale = new Till.Sale(m.outlets().get(1).id(), codes.issue(member.id(), Instant.now()).token(), null, 5_000,
                campaign, key());
        Till.Receipt first = till.redeem(m.account(), sale);
        assertThat(published).containsExactly(new DiscountRedeemed(first.id(), member.id(),
                m.id(), merchantName(m.id()), m.outlets().get(1).name(), 5_000, 1_000, campaign, first.at()));
        assertThat(till.redeem(m.account(), sale).replay()).isTrue();
        // the member's limit (1) reached: refused, nothing published, the code left unspent
        String second = codes.issue(member.id(), Instant.now()).token();
        assertThatThrownBy(() -> till.redeem(m.account(), new Till.Sale(sale.outletId(), second, null, 5_000, campaign,
                key()))).hasMessageContaining("card.merchant.campaign.member-limit");
        // a lost card's code: refused at the till as well
        offers.addDiscount(officer, m.id(), null, "减 2 元", DiscountKind.AMOUNT, 200);
        MemberView other = MerchantTestData.member(members, organisations, "NB-JB");
        String lost = codes.issue(other.id(), Instant.now()).token();
        cards.reportOwnLost(other.id(), null);
        assertThatThrownBy(() -> till.redeem(m.account(), new Till.Sale(sale.outletId(), lost, null, 5_000, null, key())))
                .hasMessageContaining("card.code.card-not-active");
        assertThat(published).hasSize(1);
        // the refused code was not spent: it still works for a standing discount
        Till.Receipt standing = till.redeem(m.account(), new Till.Sale(sale.outletId(), second, null, 5_000, null, key()));
        assertThat(standing.discountFen()).isEqualTo(200);
        assertThat(published).hasSize(2).last()
                .extracting(DiscountRedeemed::redemptionId, DiscountRedeemed::campaignId, DiscountRedeemed::discountFen)
                .containsExactly(standing.id(), null, 200L);
        assertThat(jdbc.sql("select count(*) from card_redemption where member_id = :m").param("m", member.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aRetryByCardNumberAfterTheMembersLastTurnAnswersTheFirstResult() {
        var m = cinema(1);
        Instant now = Instant.now();
        long campaign = offers.addCampaign(officer(organisations), m.id(), "一次立减", DiscountKind.AMOUNT, 1_000, 100_000, 1,
                now.minusSeconds(60), now.plusSeconds(3_600));
        String number = Fixtures.newCardNumber();
        var city = organisations.findByCode("NB").orElseThrow().treePath();
        MemberView member = members.register(city, new org.gonghui.member.NewMember(Fixtures.unique("卡号"),
                Fixtures.newIdNumber(), Fixtures.newPhone(), organisations.findByCode("NB-JB").orElseThrow().id(),
                org.gonghui.member.MemberType.IN_SERVICE, java.time.LocalDate.of(2020, 5, 1), number));
        var sale = new Till.Sale(m.outlets().get(0).id(), null, number, 3_000, campaign, key());
        Till.Receipt first = till.redeem(m.account(), sale);
        // the first try used the member's only turn; its retry (the answer was lost) gets the first result, not a refusal
        Till.Receipt again = till.redeem(m.account(), sale);
        assertThat(again.replay()).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.discountFen()).isEqualTo(1_000);
        // a new sale by the same card is refused at the member's limit
        assertThatThrownBy(() -> till.redeem(m.account(), new Till.Sale(sale.outletId(), null, number, 3_000, campaign,
                key()))).hasMessageContaining("card.merchant.campaign.member-limit");
        assertThat(jdbc.sql("select count(*) from card_redemption where member_id = :m").param("m", member.id())
                .query(Long.class).single()).isOne();
    }

    private String merchantName(long id) {
        return jdbc.sql("select name from card_merchant where id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void theTillKeepsAMerchantsFactsAndSeesAChangeAtOnce() {
        var m = cinema(1);
        CurrentUser officer = officer(organisations);
        offers.addDiscount(officer, m.id(), null, "9 折", DiscountKind.PERCENT, 10);
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        long outlet = m.outlets().get(0).id();
        till.redeem(m.account(), new Till.Sale(outlet, codes.issue(member.id(), Instant.now()).token(), null, 10_000, null,
                key()));
        long loads = facts.loads();
        assertThat(till.redeem(m.account(), new Till.Sale(outlet, codes.issue(member.id(), Instant.now()).token(), null,
                10_000, null, key())).discountFen()).isEqualTo(1_000);
        assertThat(facts.loads()).as("the second redemption read no merchant facts").isEqualTo(loads);
        // a new outlet and a better discount are known to the till at once
        long added = merchants.addOutlet(officer, m.id(), outlet("新店", 29.9, 121.6));
        offers.addDiscount(officer, m.id(), null, "8 折", DiscountKind.PERCENT, 20);
        Till.Receipt there = till.redeem(m.account(), new Till.Sale(added, codes.issue(member.id(), Instant.now()).token(),
                null, 10_000, null, key()));
        assertThat(there.outletName()).isEqualTo("新店");
        assertThat(there.discountFen()).isEqualTo(2_000);
        // spent codes are forgotten by the job once they have expired anyway, not before
        String nonceCount = "select count(*) from card_code_nonce where used_at >= :t";
        Instant now = Instant.now();
        java.sql.Timestamp since = java.sql.Timestamp.from(now.minusSeconds(60));
        assertThat(jdbc.sql(nonceCount).param("t", since).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        codes.forgetExpired(now);
        assertThat(jdbc.sql(nonceCount).param("t", since).query(Long.class).single()).isGreaterThanOrEqualTo(3);
        codes.forgetExpired(now.plusSeconds(180));
        assertThat(jdbc.sql(nonceCount).param("t", since).query(Long.class).single()).isZero();
    }

    @Test
    void badInputIsRefusedAndLeavesNothing() {
        var m = cinema(1);
        offers.addDiscount(officer(organisations), m.id(), null, "减 5 元", DiscountKind.AMOUNT, 500);
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        long outlet = m.outlets().get(0).id();
        String code = codes.issue(member.id(), Instant.now()).token();
        assertThatThrownBy(() -> till.redeem(m.account(), new Till.Sale(outlet, code, null, 0, null, key())))
                .hasMessageContaining("card.merchant.redeem.bill");
        assertThatThrownBy(() -> till.redeem(m.account(), new Till.Sale(outlet, code, "6222", 100, null, key())))
                .hasMessageContaining("card.merchant.redeem.code-or-number");
        assertThatThrownBy(() -> till.redeem(m.account(), new Till.Sale(outlet, null, "6222020000000000", 100, null, key())))
                .hasMessageContaining("card.merchant.redeem.card-unknown");
        assertThatThrownBy(() -> till.redeem(m.account(), new Till.Sale(outlet, code, null, 100, null, "x")))
                .hasMessageContaining("card.merchant.redeem.key");
        assertThatThrownBy(() -> till.redeem(m.account(), new Till.Sale(outlet, code + "x", null, 100, null, key())))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> till.redeem(m.account(), new Till.Sale(outlet, "GH1.1.2.3.4.5", null, 100, null, key())))
                .isInstanceOf(DomainException.class);
        // the code was never spent by the refusals above
        assertThat(till.redeem(m.account(), new Till.Sale(outlet, code, null, 300, null, key())).discountFen()).isEqualTo(300);
    }

    @Test
    void aMerchantSeesOnlyItsOwnOutletsRedemptionsAndFigures() {
        var a = cinema(1);
        var b = cinema(1);
        CurrentUser officer = officer(organisations);
        offers.addDiscount(officer, a.id(), null, "9 折", DiscountKind.PERCENT, 10);
        offers.addDiscount(officer, b.id(), null, "9 折", DiscountKind.PERCENT, 10);
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        String key = key();
        till.redeem(a.account(), new Till.Sale(a.outlets().get(0).id(), codes.issue(member.id(), Instant.now()).token(),
                null, 10_000, null, key));
        // b cannot redeem at a's outlet, nor read a's redemption by its key
        assertThatThrownBy(() -> till.redeem(b.account(), new Till.Sale(a.outlets().get(0).id(),
                codes.issue(member.id(), Instant.now()).token(), null, 10_000, null, key())))
                .hasMessageContaining("card.merchant.outlet.not-found");
        assertThatThrownBy(() -> till.redeem(b.account(), new Till.Sale(b.outlets().get(0).id(), null, null, 10_000, null, key)))
                .as("a's key means nothing to b").hasMessageContaining("card.merchant.redeem.code-or-number");
        var year = java.time.LocalDate.now(org.gonghui.support.PlatformZone.ZONE).getYear();
        assertThat(figures.of(a.account(), year, Figures.By.MERCHANT)).singleElement()
                .satisfies(l -> assertThat(l.visits()).isOne());
        assertThat(figures.of(b.account(), year, Figures.By.MERCHANT)).isEmpty();
        assertThat(figures.of(a.account(), year, Figures.By.OUTLET)).extracting(Figures.Line::key)
                .containsExactly(String.valueOf(a.outlets().get(0).id()));
        // staff of another district do not count this member's redemption; the member's district does
        CurrentUser jiangbei = Fixtures.staffAt(organisations.findByCode("NB-JB").orElseThrow(), Role.STAFF);
        CurrentUser haishu = Fixtures.staffAt(organisations.findByCode("NB-HS").orElseThrow(), Role.STAFF);
        long inJiangbei = figures.of(jiangbei, year, Figures.By.MERCHANT).stream()
                .filter(l -> l.key().equals(String.valueOf(a.id()))).count();
        assertThat(inJiangbei).isZero();
        assertThat(figures.of(haishu, year, Figures.By.MERCHANT)).anyMatch(l -> l.key().equals(String.valueOf(a.id())));
        assertThat(figures.of(haishu, year, Figures.By.ORGANISATION)).isNotEmpty();
        // an account that is no merchant's is refused
        CurrentUser stranger = MerchantTestData.account(123_456_789L, "nobody");
        assertThatThrownBy(() -> merchants.own(stranger)).isInstanceOf(DomainException.class);
    }

    @Test
    void aCampaignRedeemedAtOnceFromManyOutletsKeepsItsBudgetAndEveryMembersLimitExactly() throws Exception {
        int outlets = 8;
        var m = cinema(outlets);
        // 10 yuan off each, budget 300 yuan = 30 redemptions, 2 per member; 20 members try 3 times each (60 tries)
        Instant now = Instant.now();
        long campaign = offers.addCampaign(officer(organisations), m.id(), "五一观影立减", DiscountKind.AMOUNT, 1_000,
                30_000, 2, now.minusSeconds(60), now.plusSeconds(3_600));
        List<MemberView> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(MerchantTestData.member(members, organisations, i % 2 == 0 ? "NB-HS-T01-E1" : "NB-JB"));
        }
        List<Callable<Boolean>> tries = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < people.size(); i++) {
                long memberId = people.get(i).id();
                long outlet = m.outlets().get((i + round) % outlets).id();
                tries.add(() -> {
                    try {
                        String code = codes.issue(memberId, Instant.now()).token();
                        till.redeem(m.account(), new Till.Sale(outlet, code, null, 5_000, campaign, key()));
                        return true;
                    } catch (DomainException e) {
                        assertThat(e.code()).isIn("card.merchant.campaign.member-limit", "card.merchant.campaign.budget-spent");
                        return false;
                    }
                });
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long ok = 0;
        try {
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                ok += f.get() ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ok).isEqualTo(30);
        assertThat(offers.campaign(campaign).remainingFen()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(discount_fen), 0) from card_redemption where campaign_id = :c")
                .param("c", campaign).query(Long.class).single()).isEqualTo(30_000);
        assertThat(jdbc.sql("select max(n) from (select count(*) as n from card_redemption where campaign_id = :c group by member_id) x")
                .param("c", campaign).query(Long.class).single()).isLessThanOrEqualTo(2);
        assertThat(jdbc.sql("select sum(used) from card_campaign_member where campaign_id = :c").param("c", campaign)
                .query(Long.class).single()).isEqualTo(30);
    }

    @Test
    void theSameKeySentFromManyTillsAtOnceRedeemsOnce() throws Exception {
        var m = cinema(1);
        offers.addDiscount(officer(organisations), m.id(), null, "减 5 元", DiscountKind.AMOUNT, 500);
        MemberView member = MerchantTestData.member(members, organisations, "NB-HS-T01-E1");
        String code = codes.issue(member.id(), Instant.now()).token();
        var sale = new Till.Sale(m.outlets().get(0).id(), code, null, 2_000, null, key());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Till.Receipt>> same = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            same.add(() -> till.redeem(m.account(), sale));
        }
        List<Long> ids = new ArrayList<>();
        try {
            for (Future<Till.Receipt> f : pool.invokeAll(same)) {
                ids.add(f.get().id());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        assertThat(jdbc.sql("select count(*) from card_redemption where card_merchant_id = :m").param("m", m.id())
                .query(Long.class).single()).isOne();
    }
}

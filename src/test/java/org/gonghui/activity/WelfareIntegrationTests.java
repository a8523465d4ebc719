package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gonghui.member.MemberType;
import org.gonghui.shared.DomainException;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Voucher claims under a rush, and redemption exactly once. */
@IntegrationTest
@Import(ActivityTestData.class)
class WelfareIntegrationTests {

    @Autowired Welfare welfare;
    @Autowired Merchants merchants;
    @Autowired ActivityTestData data;
    @Autowired JdbcClient jdbc;

    @Test
    void twoThousandMembersForOneHundredVouchersGetExactlyOneHundred() throws Exception {
        List<Long> members = data.members(2000, MemberType.IN_SERVICE, true);
        WelfareOfferView offer = welfare.publish(data.staffAt("NB"), offer("一元看大片 rush", 100, 1, Set.of()));

        Map<Long, String> answers = RegistrationConcurrencyIntegrationTests.rush(members.size(), i -> () -> {
            welfare.claim(members.get(i), offer.id());
            return members.get(i);
        });

        List<Long> holders = jdbc.sql("select member_id from voucher where offer_id = :o").param("o", offer.id())
                .query(Long.class).list();
        assertThat(holders).hasSize(100).doesNotHaveDuplicates();
        assertThat(answers.entrySet().stream().filter(e -> e.getValue().equals("OK")).map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(holders);
        assertThat(answers.values().stream().filter(v -> !v.equals("OK"))).hasSize(1900).allMatch(Refusal.SOLD_OUT::equals);
        assertThat(jdbc.sql("select count(distinct code) from voucher where offer_id = :o").param("o", offer.id())
                .query(Integer.class).single()).isEqualTo(100);
    }

    @Test
    void fiveHundredClaimsOfOneMemberGiveTheirQuantityOnly() throws Exception {
        long member = data.members(1, MemberType.IN_SERVICE, true).get(0);
        WelfareOfferView once = welfare.publish(data.staffAt("NB"), offer("1分钱坐公交 one", 1000, 1, Set.of()));
        WelfareOfferView twice = welfare.publish(data.staffAt("NB"), offer("1分钱坐公交 two", 1000, 2, Set.of()));

        Map<Long, String> first = RegistrationConcurrencyIntegrationTests.rush(500, i -> () -> {
            welfare.claim(member, once.id());
            return (long) i;
        });
        Map<Long, String> second = RegistrationConcurrencyIntegrationTests.rush(500, i -> () -> {
            welfare.claim(member, twice.id());
            return (long) i;
        });

        assertThat(first.values().stream().filter("OK"::equals)).hasSize(1);
        assertThat(first.values().stream().filter(v -> !v.equals("OK"))).allMatch(Refusal.VOUCHER_LIMIT::equals);
        assertThat(second.values().stream().filter("OK"::equals)).hasSize(2);
        assertThat(jdbc.sql("select count(*) from voucher where member_id = :m").param("m", member).query(Integer.class)
                .single()).isEqualTo(3);
    }

    @Test
    void aMerchantRedeemsOnceAndARetryWithTheSameKeyGetsTheSameAnswer() {
        long member = data.members(1, MemberType.IN_SERVICE, true).get(0);
        var cinema = merchants.create(data.staffAt("NB"), "影城", "天一店", Fixtures.unique("cinema"), "Cinema2026pass");
        var bus = merchants.create(data.staffAt("NB"), "公交", null, Fixtures.unique("bus"), "Bus2026passwd");
        WelfareOfferForm form = offer("一元看大片 redeem", 10, 1, Set.of(cinema.id()));
        WelfareOfferView offer = welfare.publish(data.staffAt("NB"), form);
        VoucherView voucher = welfare.claim(member, offer.id());
        assertThat(voucher.code()).hasSize(16);

        assertThatThrownBy(() -> welfare.redeem(bus.id(), voucher.code(), null, "k1"))
                .isInstanceOf(DomainException.class).hasMessageContaining("voucher.other-merchant");
        Redemption first = welfare.redeem(cinema.id(), voucher.code().toLowerCase(), "天一店", "k1");
        assertThat(first.replay()).isFalse();
        Redemption retry = welfare.redeem(cinema.id(), voucher.code(), "天一店", "k1");
        assertThat(retry.replay()).isTrue();
        assertThat(retry.redeemedAt()).isEqualTo(first.redeemedAt());
        assertThatThrownBy(() -> welfare.redeem(cinema.id(), voucher.code(), "天一店", "k2"))
                .isInstanceOf(DomainException.class).hasMessageContaining("voucher.already-redeemed");
        assertThatThrownBy(() -> welfare.redeem(cinema.id(), "ZZZZZZZZZZZZZZZZ", null, null))
                .isInstanceOf(DomainException.class).hasMessageContaining("voucher.not-found");
        assertThat(jdbc.sql("select count(*) from voucher where redeemed_at is not null and id = :id")
                .param("id", voucher.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void refusesClaimsOutsideTheWindowAndNonCardHolders() {
        long holder = data.members(1, MemberType.IN_SERVICE, true).get(0);
        long noCard = data.members(1, MemberType.IN_SERVICE, false).get(0);
        WelfareOfferForm f = offer("未开始", 10, 1, Set.of());
        LocalDateTime later = PlatformZone.now().plusDays(1);
        WelfareOfferView upcoming = welfare.publish(data.staffAt("NB"), new WelfareOfferForm(f.title(), null, f.price(),
                10, 1, later, later.plusDays(1), later, later.plusDays(2), Set.of(), null, true, null, null, Set.of()));
        WelfareOfferView open = welfare.publish(data.staffAt("NB"), f);

        assertThatThrownBy(() -> welfare.claim(holder, upcoming.id())).hasMessageContaining(Refusal.CLAIM_NOT_OPEN);
        assertThatThrownBy(() -> welfare.claim(noCard, open.id())).hasMessageContaining(Refusal.NOT_ELIGIBLE_CARD);
        assertThatThrownBy(() -> welfare.claim(holder, 987654321L)).hasMessageContaining("welfare.not-found");
    }

    static WelfareOfferForm offer(String title, int total, int perMember, Set<Long> merchants) {
        LocalDateTime now = PlatformZone.now();
        return new WelfareOfferForm(title, "desc", new BigDecimal("1.00"), total, perMember, now.minusHours(1),
                now.plusDays(3), now.minusHours(1), now.plusDays(30), Set.of(), null, true, null, null, merchants);
    }
}

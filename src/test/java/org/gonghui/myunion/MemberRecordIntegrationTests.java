package org.gonghui.myunion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.support.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gonghui.card.DiscountRedeemed;
import org.gonghui.helpdesk.Outcome;
import org.gonghui.member.MemberView;
import org.gonghui.payment.EntitlementPaid;
import org.gonghui.shared.events.Remote;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class MemberRecordIntegrationTests {

    private static final java.util.concurrent.atomic.AtomicLong REDEMPTIONS = new java.util.concurrent.atomic.AtomicLong(
            9_000_000_000L + System.nanoTime() % 1_000_000_000L);

    @Autowired MyUnionScenario scenario;
    @Autowired MemberRecord record;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTime time;

    private int year() {
        return time.today().getYear();
    }

    private long entries(long memberId) {
        return jdbc.sql("select count(*) from member_record where member_id = :m").param("m", memberId)
                .query(Long.class).single();
    }

    /** A card discount as the till publishes it, inside its transaction. */
    private DiscountRedeemed discount(MemberView member, long discountFen) {
        return new DiscountRedeemed(REDEMPTIONS.incrementAndGet(), member.id(), 1L, "天一书城", "鼓楼店", 10_000,
                discountFen, null, time.now());
    }

    @Test
    void theRecordIsCompleteForAMemberWhoDidOneOfEachThing() throws Exception {
        MemberView member = scenario.member();
        scenario.attend(member, "射箭体验课");
        scenario.claimVoucher(member, "一元看大片", true);
        scenario.pay(member, "MUTUAL_AID", "1234.56");
        scenario.pay(member, "HARDSHIP_LIVING", "800");
        scenario.pay(member, "SCHOOL_AID", "3000");
        scenario.pay(member, "MODEL_ALLOWANCE", "300");
        tx.executeWithoutResult(s -> events.publishEvent(discount(member, 1_500)));
        scenario.askForHelp(member, Outcome.RESOLVED);

        MemberRecordView view = record.of(member.id(), year(), 0, 50);

        Map<RecordKind, YearTotal> totals = view.totals().stream()
                .collect(Collectors.toMap(YearTotal::kind, Function.identity()));
        assertThat(totals.keySet()).isEqualTo(EnumSet.complementOf(EnumSet.of(RecordKind.OTHER_PAYMENT)));
        assertThat(totals.values()).allSatisfy(t -> assertThat(t.count()).isEqualTo(1));
        assertThat(totals.get(RecordKind.MUTUAL_AID_PAID).amountFen()).isEqualTo(123_456);
        assertThat(totals.get(RecordKind.HARDSHIP_AID_PAID).amountFen()).isEqualTo(80_000);
        assertThat(totals.get(RecordKind.SCHOOL_AID_PAID).amountFen()).isEqualTo(300_000);
        assertThat(totals.get(RecordKind.ALLOWANCE_PAID).amountFen()).isEqualTo(30_000);
        assertThat(totals.get(RecordKind.CARD_DISCOUNT).amountFen()).isEqualTo(1_500);
        assertThat(totals.get(RecordKind.ACTIVITY_ATTENDED).amountFen()).isNull();
        assertThat(view.givenFen()).isEqualTo(123_456 + 80_000 + 300_000 + 30_000 + 1_500);
        assertThat(view.entries().items()).hasSize(10).isSortedAccordingTo((a, b) -> b.occurredAt().compareTo(a.occurredAt()));
        assertThat(view.entries().items().get(0).kind()).isEqualTo(RecordKind.HELP_CLOSED);

        var self = as(MyUnionScenario.self(member));
        mvc.perform(get("/api/v1/me/record").param("year", String.valueOf(year())).with(self))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(year()))
                .andExpect(jsonPath("$.givenFen").value(534_956))
                .andExpect(jsonPath("$.entries.items.length()").value(10))
                .andExpect(jsonPath("$.entries.items[0].text").value(containsString("已办结：已解决")));
        mvc.perform(get("/me/record").with(self))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(year() + "年，工会为您送上 ¥5349.56")))
                .andExpect(content().string(containsString("参加活动「射箭体验课」")))
                .andExpect(content().string(containsString("领取福利「一元看大片」（¥1.00）")))
                .andExpect(content().string(containsString("使用福利券「一元看大片」（天一店）")))
                .andExpect(content().string(containsString("获得职工医疗互助")))
                .andExpect(content().string(containsString("获得困难职工生活救助")))
                .andExpect(content().string(containsString("获得金秋助学")))
                .andExpect(content().string(containsString("获得劳模荣誉津贴")))
                .andExpect(content().string(containsString("在天一书城（鼓楼店）用5·1服务卡优惠")))
                .andExpect(content().string(containsString("¥1234.56")))
                .andExpect(content().string(containsString("¥15.00")));
        mvc.perform(get("/me/record").with(self).header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("lang", "en"))
                .andExpect(content().string(containsString("the union gave you ¥5349.56")));
        mvc.perform(get("/").with(self)).andExpect(content().string(containsString("/me/record")))
                .andExpect(content().string(containsString("今年工会为您送上 ¥5349.56，共 10 项")));
    }

    @Test
    void entriesArePagedNewestFirst() throws Exception {
        MemberView member = scenario.member();
        for (int i = 0; i < 25; i++) {
            DiscountRedeemed d = discount(member, 100 + i);
            tx.executeWithoutResult(s -> events.publishEvent(d));
        }
        MemberRecordView first = record.of(member.id(), year(), 0, 20);
        MemberRecordView second = record.of(member.id(), year(), 1, 20);
        assertThat(first.entries().items()).hasSize(20);
        assertThat(first.entries().hasNext()).isTrue();
        assertThat(second.entries().items()).hasSize(5);
        assertThat(second.entries().hasNext()).isFalse();
        assertThat(first.totals()).singleElement().satisfies(t -> {
            assertThat(t.count()).isEqualTo(25);
            assertThat(t.amountFen()).isEqualTo(25 * 100 + 300);
        });
        mvc.perform(get("/me/record").with(as(MyUnionScenario.self(member))))
                .andExpect(content().string(containsString("data-testid=\"next-page\"")));
    }

    @Test
    void anEventDeliveredTwiceIsStoredOnce() {
        MemberView member = scenario.member();
        EntitlementPaid paid = new EntitlementPaid(Long.MAX_VALUE - System.nanoTime() % 1_000_000, "SCHOOL_AID",
                "twice:" + member.id(), member.id(), new BigDecimal("2000.00"), "BR1", time.now());
        tx.executeWithoutResult(s -> {
            events.publishEvent(paid);
            events.publishEvent(paid);
        });
        tx.executeWithoutResult(s -> events.publishEvent(paid));
        events.publishEvent(paid);
        assertThat(entries(member.id())).isEqualTo(1);
        assertThat(record.of(member.id(), year(), 0, 20).givenFen()).isEqualTo(200_000);
    }

    @Test
    void aRolledBackSourceLeavesNoEntry() {
        MemberView member = scenario.member();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            events.publishEvent(discount(member, 500));
            throw new IllegalStateException("the till fails after the discount was published");
        })).isInstanceOf(IllegalStateException.class);
        tx.executeWithoutResult(s -> {
            events.publishEvent(discount(member, 700));
            s.setRollbackOnly();
        });
        assertThat(entries(member.id())).isZero();
    }

    @Test
    void copiesFromOtherInstancesAreIgnored() {
        MemberView member = scenario.member();
        tx.executeWithoutResult(s -> events.publishEvent(new Remote<>(discount(member, 900), "other", null)));
        assertThat(entries(member.id())).isZero();
    }

    @Test
    void aMemberSeesOnlyTheirOwnRecordAndOthersCannotUseIt() throws Exception {
        MemberView mine = scenario.member();
        MemberView theirs = scenario.member();
        tx.executeWithoutResult(s -> events.publishEvent(discount(theirs, 4_321)));
        var self = as(MyUnionScenario.self(mine));

        mvc.perform(get("/api/v1/me/record").with(self)).andExpect(status().isOk())
                .andExpect(jsonPath("$.givenFen").value(0)).andExpect(jsonPath("$.entries.items.length()").value(0));
        mvc.perform(get("/api/v1/me/record").param("memberId", String.valueOf(theirs.id())).with(self))
                .andExpect(jsonPath("$.givenFen").value(0));
        mvc.perform(get("/me/record").with(self)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("43.21"))));

        CurrentUser staff = Fixtures.staffAt(scenario.org("NB"), Role.ADMIN, Role.STAFF);
        mvc.perform(get("/api/v1/me/record").with(as(staff))).andExpect(status().isForbidden());
        mvc.perform(get("/me/record").with(as(staff))).andExpect(status().is3xxRedirection());
        CurrentUser merchant = new CurrentUser(990_001, "merchant", "影城", null, null, null, null,
                EnumSet.of(Role.MERCHANT), false, true);
        mvc.perform(get("/api/v1/me/record").with(as(merchant))).andExpect(status().isForbidden());
        mvc.perform(get("/me/record").with(as(merchant))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/me/record")).andExpect(status().isUnauthorized());
    }

    @Test
    void refusesAWrongYearOrPageWithA400() throws Exception {
        var self = as(MyUnionScenario.self(scenario.member()));
        mvc.perform(get("/api/v1/me/record").param("year", "abc").with(self)).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/me/record").param("year", "1999").with(self)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("年份须在")));
        mvc.perform(get("/api/v1/me/record").param("page", "x").with(self)).andExpect(status().isBadRequest());
        mvc.perform(get("/me/record").param("year", "99999999999").with(self)).andExpect(status().isBadRequest());
    }
}

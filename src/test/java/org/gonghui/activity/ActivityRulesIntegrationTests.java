package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.gonghui.member.MemberType;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Refusal reasons, limits, the lottery, check-in, no-shows and the shipping list. */
@IntegrationTest
@Import(ActivityTestData.class)
class ActivityRulesIntegrationTests {

    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired LotteryDraws lotteries;
    @Autowired Attendance attendance;
    @Autowired ActivityTestData data;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.gonghui.member.Members members;
    @Autowired ShippingAddressSealing sealing;
    @Autowired javax.sql.DataSource dataSource;

    @Test
    void everyRefusalSaysWhy() {
        CurrentUser staff = data.staffAt("NB");
        long member = data.members(1, MemberType.IN_SERVICE, false).get(0);
        LocalDateTime now = PlatformZone.now();
        ActivityForm open = ActivityTestData.open("规则", 5, AllocationMode.FIRST_COME);
        ActivityView upcoming = activities.publish(staff, new ActivityForm("未开始", ActivityCategory.TRAINING, null, null,
                null, false, AllocationMode.FIRST_COME, 5, now.plusDays(1), now.plusDays(2), null, 24, Set.of(), null,
                false, null, null, null, false, false, ""));
        ActivityView closed = activities.close(staff, activities.publish(staff, open).id());
        ActivityView cancelled = activities.cancel(staff, activities.publish(staff, open).id());
        ActivityView retired = activities.publish(staff, new ActivityForm("退休", ActivityCategory.CULTURE_SPORT, null, null,
                null, false, AllocationMode.FIRST_COME, 5, now.minusHours(1), now.plusDays(2), null, 24,
                Set.of(MemberType.RETIRED), null, false, null, null, null, false, false, ""));
        ActivityView cards = activities.publish(staff, new ActivityForm("持卡", ActivityCategory.CULTURE_SPORT, null, null,
                null, false, AllocationMode.FIRST_COME, 5, now.minusHours(1), now.plusDays(2), null, 24, Set.of(), null,
                true, null, null, null, false, false, ""));
        ActivityView elsewhere = activities.publish(data.staffAt("NB-JB"), open);
        ActivityView kids = activities.publish(staff, new ActivityForm("少年", ActivityCategory.PARENT_CHILD, null, null,
                null, false, AllocationMode.FIRST_COME, 5, now.minusHours(1), now.plusDays(2), null, 24, Set.of(), null,
                false, 6, 16, null, false, false, ""));

        assertThatThrownBy(() -> registrations.register(member, upcoming.id(), null, false)).hasMessageContaining(Refusal.NOT_OPEN);
        assertThatThrownBy(() -> registrations.register(member, closed.id(), null, false)).hasMessageContaining(Refusal.CLOSED);
        assertThatThrownBy(() -> registrations.register(member, cancelled.id(), null, false)).hasMessageContaining(Refusal.CANCELLED);
        assertThatThrownBy(() -> registrations.register(member, retired.id(), null, false)).hasMessageContaining(Refusal.NOT_ELIGIBLE_TYPE);
        assertThatThrownBy(() -> registrations.register(member, cards.id(), null, false)).hasMessageContaining(Refusal.NOT_ELIGIBLE_CARD);
        assertThatThrownBy(() -> registrations.register(member, elsewhere.id(), null, false)).hasMessageContaining(Refusal.NOT_ELIGIBLE_ORG);
        assertThatThrownBy(() -> registrations.register(member, kids.id(), null, false)).hasMessageContaining(Refusal.NOT_ELIGIBLE_AGE);
        assertThatThrownBy(() -> registrations.register(member, 99_999_999L, null, false)).hasMessageContaining("activity.not-found");
        assertThatThrownBy(() -> activities.requireInScope(data.staffAt("NB-JB"), kids.id())).hasMessageContaining("activity.not-found");
    }

    @Test
    void aTransferCountsAtOnceThoughTheMembersFactsAreKeptForTheRush() {
        long member = data.members(1, MemberType.IN_SERVICE, false).get(0);
        ActivityView first = activities.publish(data.staffAt("NB-HS"), ActivityTestData.open("海曙一", 5, AllocationMode.FIRST_COME));
        ActivityView second = activities.publish(data.staffAt("NB-HS"), ActivityTestData.open("海曙二", 5, AllocationMode.FIRST_COME));
        registrations.register(member, first.id(), null, false); // the member's facts are now kept in memory

        members.transfer(data.org("NB").treePath(), member, data.org("NB-JB-T01-E1").id(), "换工作");

        assertThatThrownBy(() -> registrations.register(member, second.id(), null, false))
                .hasMessageContaining(Refusal.NOT_ELIGIBLE_ORG);
    }

    @Test
    void limitsRegistrationsPerCategoryAndMonth() {
        CurrentUser staff = data.staffAt("NB");
        long member = data.members(1, MemberType.IN_SERVICE, false).get(0);
        ActivityForm form = ActivityTestData.with(ActivityTestData.open("限报", 5, AllocationMode.FIRST_COME), 2,
                ActivityCategory.LECTURE);
        ActivityView a1 = activities.publish(staff, form);
        ActivityView a2 = activities.publish(staff, form);
        ActivityView a3 = activities.publish(staff, form);
        registrations.register(member, a1.id(), null, false);
        RegistrationView second = registrations.register(member, a2.id(), null, false);
        assertThatThrownBy(() -> registrations.register(member, a3.id(), null, false)).hasMessageContaining(Refusal.MONTHLY_LIMIT);
        registrations.cancel(member, second.id());
        assertThat(registrations.register(member, a3.id(), null, false).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        // a cancelled registration may be taken up again when a place is free
        assertThatThrownBy(() -> registrations.register(member, a2.id(), null, false)).hasMessageContaining(Refusal.MONTHLY_LIMIT);

        // an activity the federation cancels no longer counts: its registrations end and the month has room again
        ActivityView a4 = activities.publish(staff, form);
        activities.cancel(staff, a1.id());
        assertThat(registrations.mine(member, a1.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(registrations.register(member, a4.id(), null, false).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThatThrownBy(() -> registrations.register(member, a2.id(), null, false)).hasMessageContaining(Refusal.MONTHLY_LIMIT);
    }

    @Test
    void aLotteryIsFrozenHashedDrawnAndReplayable() {
        CurrentUser staff = data.staffAt("NB");
        List<Long> members = data.members(30, MemberType.IN_SERVICE, false);
        ActivityView lottery = activities.publish(staff, ActivityTestData.open("抽签", 10, AllocationMode.LOTTERY));
        for (long m : members) {
            assertThat(registrations.register(m, lottery.id(), null, false).status()).isEqualTo(RegistrationStatus.ENTERED);
        }
        assertThatThrownBy(() -> lotteries.freeze(staff, lottery.id())).hasMessageContaining("lottery.window-open");
        activities.close(staff, lottery.id());
        PublishedDraw frozen = lotteries.freeze(staff, lottery.id());
        assertThat(frozen.entries()).hasSize(30);
        assertThat(frozen.entriesHash()).isEqualTo(LotteryDraw.hash(frozen.entries()));

        PublishedDraw drawn = lotteries.draw(staff, lottery.id(), "20261124-527");
        assertThat(drawn.entriesHash()).isEqualTo(frozen.entriesHash());
        assertThat(drawn.order()).isEqualTo(LotteryDraw.order(LotteryDrawTests.parse(LotteryDraw.canonical(drawn.entries())),
                drawn.seed()));
        assertThat(drawn.winners()).hasSize(10);
        long winners = members.stream().map(m -> registrations.mine(m, lottery.id()).orElseThrow())
                .filter(r -> r.status() == RegistrationStatus.CONFIRMED).count();
        assertThat(winners).isEqualTo(10);
        RegistrationView firstLoser = members.stream().map(m -> registrations.mine(m, lottery.id()).orElseThrow())
                .filter(r -> r.drawRank() == 11).findFirst().orElseThrow();
        assertThat(firstLoser.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(firstLoser.waitlistPosition()).isEqualTo(1);
    }

    @Test
    void checksInOnceAndSuspendsAfterRepeatedNoShows() {
        CurrentUser staff = data.staffAt("NB");
        List<Long> members = data.members(2, MemberType.IN_SERVICE, false);
        long comes = members.get(0);
        long stays = members.get(1);
        LocalDateTime now = PlatformZone.now();
        ActivityForm started = new ActivityForm("已开始", ActivityCategory.WALKING, null, null, "三江口", false,
                AllocationMode.FIRST_COME, 5, now.minusHours(2), now.plusDays(1), null, 24, Set.of(), null, false, null, null,
                null, false, false, now.minusHours(1).toLocalDate() + " " + now.minusHours(1).toLocalTime().withSecond(0).withNano(0) + " 30");
        for (int i = 0; i < 2; i++) {
            ActivityView a = activities.publish(staff, started);
            RegistrationView r = registrations.register(comes, a.id(), null, false);
            registrations.register(stays, a.id(), null, false);
            RegistrationView mine = registrations.mineById(comes, r.id());
            CheckIn in = attendance.checkIn(staff, a.id(), mine.checkInCode().toLowerCase());
            assertThat(in.registrationId()).isEqualTo(r.id());
            assertThatThrownBy(() -> attendance.checkIn(staff, a.id(), mine.checkInCode())).hasMessageContaining("checkin.already");
            assertThatThrownBy(() -> attendance.checkIn(staff, a.id(), "AAAAAAAAAAAA")).hasMessageContaining("checkin.unknown-code");
            assertThat(attendance.closeAttendance(staff, a.id())).isEqualTo(1);
            assertThat(activities.figures(staff, a.id())).isEqualTo(new ActivityFigures(2, 2, 0, 0, 0, 0, 0, 1, 1));
        }
        ActivityView next = activities.publish(staff, ActivityTestData.open("下一次", 5, AllocationMode.FIRST_COME));
        assertThatThrownBy(() -> registrations.register(stays, next.id(), null, false)).hasMessageContaining(Refusal.SUSPENDED);
        assertThat(registrations.register(comes, next.id(), null, false).status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void aDiyKitNeedsAnAddressAndListsItForShipping() {
        CurrentUser staff = data.staffAt("NB");
        long member = data.members(1, MemberType.IN_SERVICE, false).get(0);
        ActivityView kit = diyKit(staff, "DIY 材料包");
        assertThatThrownBy(() -> registrations.register(member, kit.id(), null, false)).hasMessageContaining(Refusal.ADDRESS_REQUIRED);
        RegistrationView told = registrations.register(member, kit.id(),
                new ShippingAddress("王芳", "13805740000", "宁波市海曙区中山西路 1 号"), false);
        // the member's own views show the phone masked
        assertThat(told.shippingAddress().phone()).isEqualTo("138****0000");
        RegistrationView mine = registrations.mineById(member, told.id());
        assertThat(mine.shippingAddress()).isEqualTo(new ShippingAddress("王芳", "138****0000", "宁波市海曙区中山西路 1 号"));
        // stored sealed: neither the phone nor the address is readable in the table
        var stored = jdbc.sql("select recipient_phone, address from registration where id = :id").param("id", told.id())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(stored).allSatisfy(v -> assertThat(v).startsWith("v1:").doesNotContain("1380574").doesNotContain("中山"));
        // only the shipping list (audit-logged) has them whole, for the courier
        long exportsBefore = shippingExports(kit.id());
        List<List<Object>> rows = attendance.shippingList(staff, kit.id());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).contains("王芳", "13805740000", "宁波市海曙区中山西路 1 号");
        assertThat(shippingExports(kit.id())).isEqualTo(exportsBefore + 1);
    }

    @Test
    void addressesStoredBeforeSealingAreSealedByTheMigration() throws Exception {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '5.5' and success")
                .query(Long.class).single()).isEqualTo(1);
        CurrentUser staff = data.staffAt("NB");
        long member = data.members(1, MemberType.IN_SERVICE, false).get(0);
        ActivityView kit = diyKit(staff, "DIY 旧地址");
        long id = registrations.register(member, kit.id(), new ShippingAddress("赵强", "13805749999", "宁波市鄞州区四明中路 9 号"),
                false).id();
        // as a row written before migration 5.5 looks
        jdbc.sql("update registration set recipient_phone = '13805749999', address = '宁波市鄞州区四明中路 9 号' where id = :id")
                .param("id", id).update();
        try (java.sql.Connection c = dataSource.getConnection()) {
            sealing.migrate(new org.flywaydb.core.api.migration.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return null;
                }

                @Override
                public java.sql.Connection getConnection() {
                    return c;
                }
            });
        }
        var stored = jdbc.sql("select recipient_phone, address from registration where id = :id").param("id", id)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(stored).allSatisfy(v -> assertThat(v).startsWith("v1:").doesNotContain("1380574").doesNotContain("四明"));
        assertThat(attendance.shippingList(staff, kit.id()).get(0)).contains("13805749999", "宁波市鄞州区四明中路 9 号");
    }

    /** An open first-come DIY-kit activity of 5 places, which needs a mailing address. */
    private ActivityView diyKit(CurrentUser staff, String title) {
        ActivityForm f = ActivityTestData.open(title, 5, AllocationMode.FIRST_COME);
        return activities.publish(staff, new ActivityForm(f.title(), ActivityCategory.DIY_KIT, null, null, null,
                true, f.mode(), 5, f.opensAt(), f.closesAt(), null, 24, Set.of(), null, false, null, null, null, true, false,
                f.sessions()));
    }

    private long shippingExports(long activityId) {
        return jdbc.sql("select count(*) from audit_log where action = 'activity.shipping-export' and record_id = :a")
                .param("a", String.valueOf(activityId)).query(Long.class).single();
    }

    @Test
    void anOfferNotConfirmedInTimeMovesToTheNextInLine() {
        CurrentUser staff = data.staffAt("NB");
        List<Long> members = data.members(3, MemberType.IN_SERVICE, false);
        ActivityView a = activities.publish(staff, ActivityTestData.open("候补顺延", 1, AllocationMode.FIRST_COME));
        RegistrationView holder = registrations.register(members.get(0), a.id(), null, true);
        RegistrationView first = registrations.register(members.get(1), a.id(), null, true);
        RegistrationView second = registrations.register(members.get(2), a.id(), null, true);
        assertThat(second.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        registrations.cancel(members.get(0), holder.id());
        assertThat(registrations.mineById(members.get(1), first.id()).status()).isEqualTo(RegistrationStatus.OFFERED);

        jdbc.sql("update registration set offer_expires_at = :past where id = :id")
                .param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60))).param("id", first.id()).update();
        assertThat(registrations.expireOffers()).isGreaterThanOrEqualTo(1);

        assertThat(registrations.mineById(members.get(1), first.id()).status()).isEqualTo(RegistrationStatus.EXPIRED);
        RegistrationView now = registrations.mineById(members.get(2), second.id());
        assertThat(now.status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(now.placeNo()).isEqualTo(holder.placeNo());
        assertThatThrownBy(() -> registrations.confirmOffer(members.get(1), first.id())).hasMessageContaining("registration.no-offer");
    }
}

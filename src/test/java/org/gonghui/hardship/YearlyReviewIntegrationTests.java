package org.gonghui.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.hardship.HardshipTestData.household;
import static org.gonghui.hardship.HardshipTestData.member;
import static org.gonghui.hardship.HardshipTestData.org;
import static org.gonghui.hardship.HardshipTestData.staff;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.activity.LotteryDraw;
import org.gonghui.hardship.internal.ArchiveRecords;
import org.gonghui.hardship.internal.ArchiveStatus;
import org.gonghui.hardship.internal.ArchiveView;
import org.gonghui.hardship.internal.Cause;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.hardship.internal.HardshipJobs;
import org.gonghui.hardship.internal.Household;
import org.gonghui.hardship.internal.MeansTestData;
import org.gonghui.hardship.internal.YearlyReview;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class YearlyReviewIntegrationTests {

    @Autowired HardshipApplications applications;
    @Autowired ArchiveRecords records;
    @Autowired YearlyReview review;
    @Autowired HardshipJobs jobs;
    @Autowired HardshipArchives archives;
    @Autowired HardshipFigures figures;
    @Autowired MeansTestData data;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;
    @Autowired JdbcClient jdbc;
    @Autowired(required = false) org.gonghui.account.LoggingSmsSender sms;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An approved archive of a new member of the township, approved on the clock's day. */
    private ArchiveView approved(String township, Household household) {
        MemberView m = member(members, organisations, township + "-E1");
        ArchiveView a = applications.applyAtWindow(staff(organisations, township + "-E1"), m.id(), household);
        applications.check(staff(organisations, township), a.id(), null);
        return applications.approve(staff(organisations, township.substring(0, 5)), a.id(), null);
    }

    @Test
    void reassessesEveryArchiveDueDrawsTheShareAndTheDrawReplaysFromItsSeed() {
        clock.set(Instant.parse("2028-02-01T02:00:00Z"));
        long haishu = org(organisations, "NB-HS").id();
        data.setStandard(haishu, 2028, new BigDecimal("1000.00"), "test");
        ArchiveView deep = approved("NB-HS-T03", household("30000", "0", Cause.ILLNESS));
        ArchiveView relative = approved("NB-HS-T03", household("60000", "0", Cause.ILLNESS));
        List<ArchiveView> more = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            more.add(approved("NB-HS-T03", household("30000", "0", Cause.ILLNESS)));
        }
        ArchiveView elsewhere = approved("NB-HS-T04", household("30000", "0", Cause.ILLNESS));

        // a year on the standard rose: the relative household of 60,000 is now deep, and 2029's standard is higher
        clock.set(Instant.parse("2029-01-20T02:00:00Z"));
        data.setStandard(haishu, 2029, new BigDecimal("1700.00"), "test");
        CurrentUser township = staff(organisations, "NB-HS-T03");
        assertThatThrownBy(() -> review.run(staff(organisations, "NB-HS-T03-E1"), 2029, new BigDecimal("0.3"), "x"))
                .hasMessageContaining("hardship.review.level");
        assertThatThrownBy(() -> review.run(township, 2029, new BigDecimal("1.5"), "x"))
                .hasMessageContaining("hardship.review.share");
        YearlyReview.Round round = review.run(township, 2029, new BigDecimal("0.30"), "2029-01-20 双色球 0123456");

        assertThat(round.archives()).isEqualTo(10);
        assertThat(round.visits()).isEqualTo(3);
        assertThat(round.changed()).isEqualTo(1);
        List<YearlyReview.Item> items = review.items(round.id());
        assertThat(items).extracting(YearlyReview.Item::archiveId).doesNotContain(elsewhere.id());
        assertThat(items.stream().filter(YearlyReview.Item::visit).count()).isEqualTo(3);
        assertThat(applications.find(relative.id()).orElseThrow().tier()).isEqualTo(HardshipTier.DEEP);
        assertThat(applications.find(deep.id()).orElseThrow().reviewDue()).isEqualTo(LocalDate.of(2030, 1, 20));
        assertThat(applications.find(elsewhere.id()).orElseThrow().reviewDue()).isEqualTo(LocalDate.of(2029, 2, 1));
        assertThat(events.stream(HardshipTierChanged.class)).contains(new HardshipTierChanged(relative.id(),
                relative.memberId(), HardshipTier.RELATIVE, HardshipTier.DEEP));
        assertThat(review.figures(round.id(), relative.id()).figures().standard()).isEqualByComparingTo("1700.00");

        // anyone with the published ids and seed gets the same order and the same visits
        List<LotteryDraw.Entry> published = items.stream().map(i -> new LotteryDraw.Entry(i.archiveId(), BigDecimal.ONE))
                .toList();
        assertThat(LotteryDraw.hash(published)).isEqualTo(round.entriesHash());
        List<Long> replayed = LotteryDraw.order(published, round.seed());
        assertThat(replayed).isEqualTo(items.stream().map(YearlyReview.Item::archiveId).toList());
        assertThat(replayed.subList(0, 3)).containsExactlyInAnyOrderElementsOf(
                items.stream().filter(YearlyReview.Item::visit).map(YearlyReview.Item::archiveId).toList());
        assertThat(LotteryDraw.order(published, "another seed")).isNotEqualTo(replayed);

        // a second run the same year finds nothing due any more
        assertThat(review.run(township, 2029, new BigDecimal("0.30"), null).archives()).isZero();
        assertThatThrownBy(() -> review.requireInScope(staff(organisations, "NB-HS-T04"), round.id()))
                .hasMessageContaining("hardship.review.not-found");
    }

    @Test
    void aHouseholdNoLongerInHardshipIsListedToLeaveAndLeavesWithTheReason() {
        clock.set(Instant.parse("2028-03-01T02:00:00Z"));
        long jiangbei = org(organisations, "NB-JB").id();
        data.setStandard(jiangbei, 2028, new BigDecimal("1000.00"), "test");
        ArchiveView a = approved("NB-JB-T05", household("60000", "0", Cause.ILLNESS));
        clock.set(Instant.parse("2029-02-27T02:00:00Z"));
        data.setStandard(jiangbei, 2029, new BigDecimal("800.00"), "test");   // 60,000 / 36 = 1,666.67 ≥ 1,600
        CurrentUser township = staff(organisations, "NB-JB-T05");
        YearlyReview.Round round = review.run(township, 2029, BigDecimal.ZERO, "seed");
        assertThat(round.ending()).isEqualTo(1);
        assertThat(round.visits()).isZero();
        assertThat(records.search(township, new ArchiveRecords.Query(null, null, null, true, null), 0, 20).items())
                .extracting(ArchiveView::id).containsExactly(a.id());
        applications.leave(township, a.id(), "年度复核：收入超过相对困难标准");
        assertThat(archives.current(a.memberId())).isEmpty();
        assertThat(records.search(township, new ArchiveRecords.Query(null, null, null, true, null), 0, 20).items()).isEmpty();
        HardshipFigures.Figures year = figures.of(org(organisations, "NB-JB-T05").treePath(), 2029);
        assertThat(year.left()).isEqualTo(1);
        assertThat(figures.of(org(organisations, "NB-JB-T05").treePath(), 2028).households().get(HardshipTier.RELATIVE))
                .isEqualTo(1);
    }

    @Test
    void remindsOnceBeforeTheReviewIsDueAndAnonymisesYearsAfterLeaving() {
        clock.set(Instant.parse("2028-05-01T02:00:00Z"));
        long beilun = org(organisations, "NB-BL").id();
        data.setStandard(beilun, 2028, new BigDecimal("1000.00"), "test");
        ArchiveView a = approved("NB-BL-T02", household("30000", "0", Cause.ILLNESS));
        clock.set(Instant.parse("2029-04-05T02:00:00Z"));   // due 2029-05-01, within 30 days
        jobs.remind();
        assertThat(reminded(a.id())).isEqualTo(LocalDate.of(2029, 5, 1));
        String phone = members.revealOwn(a.memberId(), org.gonghui.member.PersonalField.PHONE);
        if (sms != null) {
            assertThat(sms.lastTo(phone)).hasValueSatisfying(text -> assertThat(text).contains(a.number(), "2029-05-01"));
            sms.send(phone, "marker");
            jobs.remind();
            assertThat(sms.lastTo(phone)).as("reminded once per due day").hasValue("marker");
        }

        applications.leave(staff(organisations, "NB-BL-T02"), a.id(), "家庭成员就业");
        clock.set(Instant.parse("2034-04-06T02:00:00Z"));   // five years and a day after leaving
        jobs.anonymise();
        ArchiveView gone = applications.find(a.id()).orElseThrow();
        assertThat(gone.anonymised()).isTrue();
        assertThat(gone.memberId()).isNull();
        assertThat(gone.leftReason()).isNull();
        assertThat(gone.status()).isEqualTo(ArchiveStatus.LEFT);
        assertThat(jdbc.sql("select household_enc from hardship_archive where id = :id").param("id", a.id())
                .query(String.class).optional()).isEmpty();
        assertThat(figures.of(org(organisations, "NB-BL-T02").treePath(), 2029).left()).isEqualTo(1);
    }

    private LocalDate reminded(long id) {
        return jdbc.sql("select reminded_due from hardship_archive where id = :id").param("id", id)
                .query(java.sql.Date.class).single().toLocalDate();
    }
}

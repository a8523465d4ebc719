package org.gonghui.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gonghui.hardship.HardshipTestData.household;
import static org.gonghui.hardship.HardshipTestData.member;
import static org.gonghui.hardship.HardshipTestData.org;
import static org.gonghui.hardship.HardshipTestData.staff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gonghui.hardship.internal.ArchiveStatus;
import org.gonghui.hardship.internal.ArchiveView;
import org.gonghui.hardship.internal.Cause;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.hardship.internal.MeansTestData;
import org.gonghui.hardship.internal.StepView;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class HardshipReviewIntegrationTests {

    @Autowired HardshipApplications applications;
    @Autowired HardshipArchives archives;
    @Autowired MeansTestData data;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;

    @BeforeEach
    void standards() {
        clock.set(Instant.parse("2027-03-10T02:00:00Z"));
        data.setStandard(org(organisations, "NB-HS").id(), 2027, new BigDecimal("1000.00"), "test");
        data.setStandard(org(organisations, "NB-JB").id(), 2027, new BigDecimal("1000.00"), "test");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void servicePointRegistersTownshipChecksDistrictApprovesAndTheStandingFollows() {
        MemberView m = member(members, organisations, "NB-HS-T01-E1");
        ArchiveView applied = applications.apply(m.id(), household("30000", "0", Cause.ILLNESS));
        assertThat(applied.status()).isEqualTo(ArchiveStatus.SUBMITTED);
        assertThat(archives.current(m.id())).isEmpty();
        assertThatThrownBy(() -> applications.apply(m.id(), household("30000", "0", Cause.ILLNESS)))
                .hasMessageContaining("hardship.already-open");

        CurrentUser point = staff(organisations, "NB-HS-T01-E1");
        CurrentUser township = staff(organisations, "NB-HS-T01");
        CurrentUser district = staff(organisations, "NB-HS");
        assertThatThrownBy(() -> applications.check(township, applied.id(), null)).hasMessageContaining("hardship.status.wrong");
        applications.register(point, applied.id());
        assertThatThrownBy(() -> applications.check(point, applied.id(), null)).hasMessageContaining("hardship.check.level");
        applications.check(township, applied.id(), "入户核实");
        assertThatThrownBy(() -> applications.approve(township, applied.id(), null))
                .hasMessageContaining("hardship.approve.level");
        ArchiveView approved = applications.approve(district, applied.id(), "同意");

        assertThat(approved.status()).isEqualTo(ArchiveStatus.APPROVED);
        assertThat(approved.tier()).isEqualTo(HardshipTier.DEEP);
        assertThat(approved.since()).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(approved.reviewDue()).isEqualTo(LocalDate.of(2028, 3, 10));
        HardshipStanding standing = archives.current(m.id()).orElseThrow();
        assertThat(standing.tier()).isEqualTo(HardshipTier.DEEP);
        assertThat(standing.archiveId()).isEqualTo(applied.id());
        assertThat(standing.orgPath()).isEqualTo(m.orgPath());
        assertThat(archives.current(List.of(m.id(), -1L))).containsOnlyKeys(m.id());
        assertThat(events.stream(HardshipArchiveApproved.class))
                .containsExactly(new HardshipArchiveApproved(applied.id(), m.id(), HardshipTier.DEEP));
        assertThat(applications.steps(applied.id())).extracting(StepView::step)
                .containsExactly("APPLIED", "REGISTERED", "CHECKED", "APPROVED");
        assertThat(applications.steps(applied.id())).extracting(StepView::reason).containsExactly(null, null, "入户核实", "同意");
    }

    @Test
    void theCheckerCannotApproveTheSameApplication() {
        MemberView m = member(members, organisations, "NB-HS-T01-C1");
        CurrentUser district = staff(organisations, "NB-HS");
        ArchiveView a = applications.applyAtWindow(district, m.id(), household("50000", "0", Cause.UNEMPLOYMENT));
        assertThat(a.status()).isEqualTo(ArchiveStatus.REGISTERED);
        applications.check(district, a.id(), null);
        assertThatThrownBy(() -> applications.approve(district, a.id(), null))
                .hasMessageContaining("hardship.approve.second-person");
        assertThat(archives.current(m.id())).isEmpty();
        assertThat(applications.approve(staff(organisations, "NB-HS"), a.id(), null).tier()).isEqualTo(HardshipTier.RELATIVE);
    }

    @Test
    void sentBackWithReasonCorrectedAndLeftThenReturningIsFlagged() {
        MemberView m = member(members, organisations, "NB-HS-T01-E1");
        ArchiveView a = applications.apply(m.id(), household("90000", "0", Cause.ILLNESS));
        CurrentUser point = staff(organisations, "NB-HS-T01-E1");
        assertThatThrownBy(() -> applications.sendBack(point, a.id(), " ")).hasMessageContaining("hardship.reason.required");
        applications.sendBack(point, a.id(), "请补充医疗费用");
        assertThat(applications.own(m.id(), a.id()).status()).isEqualTo(ArchiveStatus.RETURNED);
        applications.resubmit(m.id(), a.id(), household("90000", "80000", Cause.ILLNESS));
        applications.register(point, a.id());
        applications.check(staff(organisations, "NB-HS-T01"), a.id(), null);
        assertThat(applications.approve(staff(organisations, "NB-HS"), a.id(), null).tier()).isEqualTo(HardshipTier.DEEP);

        applications.leave(staff(organisations, "NB-HS-T01"), a.id(), "再就业，收入稳定");
        assertThat(archives.current(m.id())).isEmpty();
        assertThat(events.stream(HardshipArchiveLeft.class)).contains(new HardshipArchiveLeft(a.id(), m.id(), "再就业，收入稳定"));
        ArchiveView again = applications.apply(m.id(), household("20000", "0", Cause.ILLNESS));
        assertThat(again.returning()).isTrue();
        assertThat(a.returning()).isFalse();
    }

    @Test
    void anotherTownshipsStaffFindNothing() {
        MemberView m = member(members, organisations, "NB-HS-T01-E1");
        ArchiveView a = applications.apply(m.id(), household("30000", "0", Cause.ILLNESS));
        for (String elsewhere : List.of("NB-HS-T02", "NB-JB", "NB-HS-T01-C1")) {
            CurrentUser other = staff(organisations, elsewhere);
            assertThatThrownBy(() -> applications.register(other, a.id())).isInstanceOf(DomainException.class)
                    .hasMessageContaining("hardship.not-found");
        }
        MemberView stranger = member(members, organisations, "NB-HS-T01-E1");
        assertThatThrownBy(() -> applications.own(stranger.id(), a.id())).hasMessageContaining("hardship.not-found");
        assertThatThrownBy(() -> applications.applyAtWindow(staff(organisations, "NB-JB"), m.id(),
                household("30000", "0", Cause.ILLNESS))).isInstanceOf(DomainException.class);
    }

    @Test
    void aHouseholdNotInHardshipIsNotCheckedAndWithoutAStandardNothingIsAssessed() {
        MemberView rich = member(members, organisations, "NB-HS-T01-E1");
        ArchiveView a = applications.applyAtWindow(staff(organisations, "NB-HS-T01-E1"), rich.id(),
                household("300000", "0", Cause.OTHER));
        assertThatThrownBy(() -> applications.check(staff(organisations, "NB-HS-T01"), a.id(), null))
                .hasMessageContaining("hardship.not-in-hardship");
        applications.reject(staff(organisations, "NB-HS-T01"), a.id(), "收入高于标准");
        assertThat(applications.own(rich.id(), a.id()).status()).isEqualTo(ArchiveStatus.REJECTED);

        clock.set(Instant.parse("2031-03-10T02:00:00Z"));
        MemberView m = member(members, organisations, "NB-HS-T01-E1");
        ArchiveView b = applications.applyAtWindow(staff(organisations, "NB-HS-T01-E1"), m.id(),
                household("30000", "0", Cause.ILLNESS));
        assertThatThrownBy(() -> applications.check(staff(organisations, "NB-HS-T01"), b.id(), null))
                .hasMessageContaining("hardship.standard.missing");
    }
}

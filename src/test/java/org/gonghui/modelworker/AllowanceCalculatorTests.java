package org.gonghui.modelworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.gonghui.modelworker.allowance.AllowanceCalculator;
import org.gonghui.modelworker.allowance.AllowancePeriod;
import org.gonghui.modelworker.allowance.AllowanceTerms;
import org.gonghui.modelworker.allowance.HoldReason;
import org.gonghui.modelworker.allowance.MonthlyAllowance;
import org.gonghui.modelworker.allowance.ScheduleVersion;
import org.gonghui.shared.DomainException;
import org.junit.jupiter.api.Test;

class AllowanceCalculatorTests {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final List<ScheduleVersion> SCHEDULES = List.of(
            new ScheduleVersion(1, ModelWorkerLevel.CITY, LocalDate.of(2020, 1, 1), AllowancePeriod.MONTHLY, new BigDecimal("300"), null),
            new ScheduleVersion(2, ModelWorkerLevel.CITY, LocalDate.of(2026, 12, 1), AllowancePeriod.MONTHLY, new BigDecimal("350.00"), null),
            new ScheduleVersion(3, ModelWorkerLevel.NATIONAL, LocalDate.of(2020, 1, 1), AllowancePeriod.YEARLY, new BigDecimal("10000.00"), null),
            new ScheduleVersion(4, ModelWorkerLevel.PROVINCIAL, LocalDate.of(2020, 1, 1), AllowancePeriod.MONTHLY, new BigDecimal("100.00"), null));

    private static AllowanceTerms city() {
        return new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2015, 5, 1), null, null, null, null, 70L);
    }

    private static MonthlyAllowance calc(YearMonth month, AllowanceTerms terms) {
        return AllowanceCalculator.calculate(month, terms, SCHEDULES);
    }

    @Test
    void paysTheWholeMonthFromTheVersionInForceOnTheFirstDay() {
        MonthlyAllowance nov = calc(NOV, city());
        assertThat(nov.entitled()).isTrue();
        assertThat(nov.amount()).isEqualByComparingTo("300.00").hasScaleOf(2);
        assertThat(nov.days()).isEqualTo(30);
        assertThat(nov.scheduleId()).isEqualTo(1L);
        assertThat(calc(YearMonth.of(2026, 12), city()).amount()).isEqualByComparingTo("350.00");
        assertThat(calc(YearMonth.of(2026, 12), city()).scheduleId()).isEqualTo(2L);
    }

    @Test
    void paysByDaysFromAStartInTheMonth() {
        AllowanceTerms startsOn11th = new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2026, 11, 11), null, null,
                null, null, 70L);
        MonthlyAllowance nov = calc(NOV, startsOn11th);
        assertThat(nov.days()).isEqualTo(20);
        assertThat(nov.amount()).isEqualByComparingTo("200.00");
        assertThat(calc(YearMonth.of(2026, 10), startsOn11th).due()).isFalse();
        AllowanceTerms startsOnLastDay = new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2026, 11, 30), null,
                null, null, null, 70L);
        assertThat(calc(NOV, startsOnLastDay).amount()).isEqualByComparingTo("10.00");
    }

    @Test
    void paysUpToAndIncludingTheDayOfDeathAndNothingAfter() {
        AllowanceTerms diedOn7th = new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2015, 5, 1), null,
                LocalDate.of(2026, 11, 7), null, null, 70L);
        MonthlyAllowance nov = calc(NOV, diedOn7th);
        assertThat(nov.days()).isEqualTo(7);
        assertThat(nov.amount()).isEqualByComparingTo("70.00");
        MonthlyAllowance dec = calc(YearMonth.of(2026, 12), diedOn7th);
        assertThat(dec.due()).isFalse();
        assertThat(dec.amount()).isZero();
        assertThat(dec.explanation()).extracting(MonthlyAllowance.Explanation::code).containsExactly("ended-death");
    }

    @Test
    void paysUpToTheDayBeforeARevocationTakesEffect() {
        AllowanceTerms revokedOn8th = new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2015, 5, 1), null, null,
                LocalDate.of(2026, 11, 8), null, 70L);
        assertThat(calc(NOV, revokedOn8th).days()).isEqualTo(7);
        assertThat(calc(NOV, revokedOn8th).amount()).isEqualByComparingTo("70.00");
        AllowanceTerms revokedOnFirst = new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2015, 5, 1), null, null,
                LocalDate.of(2026, 11, 1), null, 70L);
        assertThat(calc(NOV, revokedOnFirst).due()).isFalse();
        assertThat(calc(NOV, revokedOnFirst).explanation()).extracting(MonthlyAllowance.Explanation::code)
                .containsExactly("ended-revoked");
    }

    @Test
    void roundsAPartMonthOnceHalfUpToTheFen() {
        // 100.00 × 1 ÷ 30 = 3.333… → 3.33; 100.00 × 2 ÷ 30 = 6.666… → 6.67; 100 × 1 ÷ 31 = 3.2258 → 3.23
        AllowanceTerms p = new AllowanceTerms(8, ModelWorkerLevel.PROVINCIAL, LocalDate.of(2015, 5, 1), null,
                LocalDate.of(2026, 11, 1), null, null, 80L);
        assertThat(calc(NOV, p).amount()).isEqualByComparingTo("3.33");
        AllowanceTerms two = new AllowanceTerms(8, ModelWorkerLevel.PROVINCIAL, LocalDate.of(2015, 5, 1), null,
                LocalDate.of(2026, 11, 2), null, null, 80L);
        assertThat(calc(NOV, two).amount()).isEqualByComparingTo("6.67");
        AllowanceTerms half = new AllowanceTerms(8, ModelWorkerLevel.PROVINCIAL, LocalDate.of(2026, 12, 31), null, null,
                null, null, 80L);
        assertThat(calc(YearMonth.of(2026, 12), half).amount()).isEqualByComparingTo("3.23");
    }

    @Test
    void spreadsAYearlyAmountSoThatTwelveMonthsAddUpExactly() {
        AllowanceTerms national = new AllowanceTerms(9, ModelWorkerLevel.NATIONAL, LocalDate.of(2015, 5, 1), null, null,
                null, null, 90L);
        BigDecimal year = BigDecimal.ZERO;
        for (int m = 1; m <= 12; m++) {
            year = year.add(calc(YearMonth.of(2026, m), national).amount());
        }
        assertThat(year).isEqualByComparingTo("10000.00");
        assertThat(calc(YearMonth.of(2026, 1), national).amount()).isEqualByComparingTo("833.33");
        assertThat(calc(YearMonth.of(2026, 12), national).amount()).isEqualByComparingTo("833.37");
    }

    @Test
    void holdsARetireeWhoseAttestationRanOutBeforeTheMonth() {
        AllowanceTerms attestedToOct31 = new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2015, 5, 1),
                LocalDate.of(2020, 3, 1), null, null, LocalDate.of(2026, 10, 31), 70L);
        MonthlyAllowance nov = calc(NOV, attestedToOct31);
        assertThat(nov.due()).isTrue();
        assertThat(nov.entitled()).isFalse();
        assertThat(nov.held()).isEqualTo(HoldReason.ATTESTATION_OVERDUE);
        assertThat(nov.amount()).isEqualByComparingTo("300.00");
        AllowanceTerms attestedToNov1 = new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2015, 5, 1),
                LocalDate.of(2020, 3, 1), null, null, LocalDate.of(2026, 11, 1), 70L);
        assertThat(calc(NOV, attestedToNov1).entitled()).isTrue();
        AllowanceTerms notRetired = new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2015, 5, 1), null, null,
                null, null, 70L);
        assertThat(calc(NOV, notRetired).entitled()).isTrue();
    }

    @Test
    void holdsAWorkerWhoIsNotAMember() {
        AllowanceTerms noMember = new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2015, 5, 1), null, null,
                null, null, null);
        assertThat(calc(NOV, noMember).held()).isEqualTo(HoldReason.NOT_A_MEMBER);
    }

    @Test
    void owesNothingWithoutASchedule() {
        AllowanceTerms early = new AllowanceTerms(7, ModelWorkerLevel.CITY, LocalDate.of(2015, 5, 1), null, null, null,
                null, 70L);
        MonthlyAllowance m = calc(YearMonth.of(2019, 12), early);
        assertThat(m.due()).isFalse();
        assertThat(m.explanation()).extracting(MonthlyAllowance.Explanation::code).containsExactly("no-schedule");
    }

    @Test
    void refusesAVersionNotStartingOnAFirstDayOrWithFractionsOfAFen() {
        assertThatThrownBy(() -> new ScheduleVersion(0, ModelWorkerLevel.CITY, LocalDate.of(2026, 11, 2),
                AllowancePeriod.MONTHLY, BigDecimal.TEN, null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("first-of-month");
        assertThatThrownBy(() -> new ScheduleVersion(0, ModelWorkerLevel.CITY, LocalDate.of(2026, 11, 1),
                AllowancePeriod.MONTHLY, new BigDecimal("10.001"), null)).hasMessageContaining("amount");
        assertThatThrownBy(() -> new ScheduleVersion(0, ModelWorkerLevel.CITY, LocalDate.of(2026, 11, 1),
                AllowancePeriod.MONTHLY, new BigDecimal("-1"), null)).hasMessageContaining("amount");
    }
}

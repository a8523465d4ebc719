package org.gonghui.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.gonghui.hardship.internal.Cause;
import org.gonghui.hardship.internal.ExplanationLine;
import org.gonghui.hardship.internal.Household;
import org.gonghui.hardship.internal.Household.Person;
import org.gonghui.hardship.internal.Household.Relation;
import org.gonghui.hardship.internal.MeansTest;
import org.gonghui.hardship.internal.MeansTest.Outcome;
import org.gonghui.shared.DomainException;
import org.junit.jupiter.api.Test;

class MeansTestTests {

    static final MeansTest.Rules RULES = new MeansTest.Rules(1, new BigDecimal("2.00"), new BigDecimal("0.8000"));
    /** 1,000 yuan a person and month: a household of 3 is deep below 36,000 net a year, relative below 72,000. */
    static final MeansTest.Standard STANDARD = new MeansTest.Standard(7, 2026, new BigDecimal("1000.00"));

    static Household household(String income, String medical, Cause cause) {
        return new Household(List.of(
                new Person("张三", "11010519491231002X", Relation.SELF, new BigDecimal(income)),
                new Person("李四", id("11010519500101001"), Relation.SPOUSE, BigDecimal.ZERO),
                new Person("张小", id("11010520100101001"), Relation.CHILD, BigDecimal.ZERO)),
                new BigDecimal(medical), BigDecimal.ZERO, BigDecimal.ZERO, cause, null);
    }

    static String id(String first17) {
        return first17 + org.gonghui.member.IdNumber.checkCharacter(first17);
    }

    static Outcome assess(String income, String medical, Cause cause) {
        return MeansTest.assess(RULES, STANDARD, household(income, medical, cause));
    }

    @Test
    void deepJustBelowTheStandardAndRelativeExactlyAtIt() {
        // net 35,999.99: per person and month 999.9997 < 1,000
        assertThat(assess("45999.99", "10000", Cause.ILLNESS).tier()).isEqualTo(HardshipTier.DEEP);
        // net 36,000.00: exactly the standard is not below it
        Outcome atStandard = assess("46000.00", "10000", Cause.ILLNESS);
        assertThat(atStandard.tier()).isEqualTo(HardshipTier.RELATIVE);
        assertThat(atStandard.figures().perCapitaMonthly()).isEqualByComparingTo("1000.00");
    }

    @Test
    void perCapitaIsComparedExactlyNotAfterRounding() {
        // net 35,999.98 / 36 = 999.99944… shown as 999.99 … and 35,999.99 / 36 = 999.9997… shown as 1,000.00 — still deep
        Outcome shownAsStandard = assess("35999.99", "0", Cause.ILLNESS);
        assertThat(shownAsStandard.figures().perCapitaMonthly()).isEqualByComparingTo("1000.00");
        assertThat(shownAsStandard.tier()).isEqualTo(HardshipTier.DEEP);
    }

    @Test
    void relativeJustBelowTwiceTheStandardAndNothingExactlyAtIt() {
        assertThat(assess("71999.99", "0", Cause.UNEMPLOYMENT).tier()).isEqualTo(HardshipTier.RELATIVE);
        Outcome atTwice = assess("72000.00", "0", Cause.UNEMPLOYMENT);
        assertThat(atTwice.tier()).isNull();
        assertThat(atTwice.lines()).extracting(ExplanationLine::code).contains("not-relative", "no-accident", "result-none");
    }

    @Test
    void accidentAfterInjuryDisabilityOrDeathWhateverTheIncome() {
        for (Cause cause : List.of(Cause.INJURY, Cause.DISABILITY, Cause.DEATH)) {
            Outcome outcome = assess("200000", "0", cause);
            assertThat(outcome.tier()).as(cause.name()).isEqualTo(HardshipTier.ACCIDENT);
            assertThat(outcome.lines()).extracting(ExplanationLine::code).contains("accident-cause");
        }
        assertThat(assess("200000", "0", Cause.ILLNESS).tier()).isNull();
    }

    @Test
    void accidentWhenCostsAboveEightyPercentOfIncomeNotAtIt() {
        // income 400,000, costs exactly 320,000 (80%): net 80,000 is above twice the standard (72,000)
        assertThat(assess("400000", "320000", Cause.ILLNESS).tier()).isNull();
        Outcome above = assess("400000", "320000.01", Cause.ILLNESS);
        assertThat(above.tier()).isEqualTo(HardshipTier.ACCIDENT);
        assertThat(above.lines()).extracting(ExplanationLine::code).contains("accident-costs");
    }

    @Test
    void explainsEveryFigureItUsedLineByLine() {
        Outcome outcome = assess("40000", "6000.50", Cause.ILLNESS);
        assertThat(outcome.tier()).isEqualTo(HardshipTier.DEEP);
        assertThat(outcome.lines()).extracting(ExplanationLine::code)
                .containsExactly("income", "rigid", "net", "per-capita", "standard", "deep", "result");
        assertThat(outcome.lines().get(2).figure()).isEqualByComparingTo("33999.50");
        assertThat(outcome.lines().get(3).figure()).isEqualByComparingTo("944.43");
        MeansTest.Figures f = outcome.figures();
        assertThat(f.income()).isEqualByComparingTo("40000");
        assertThat(f.rigid()).isEqualByComparingTo("6000.50");
        assertThat(f.size()).isEqualTo(3);
        assertThat(f.standard()).isEqualByComparingTo("1000");
        assertThat(f.relativeLimit()).isEqualByComparingTo("2000");
        assertThat(f.ruleVersion()).isEqualTo(1);
        assertThat(f.standardYear()).isEqualTo(2026);
    }

    @Test
    void theRulesVersionDecidesTheRelativeFactor() {
        MeansTest.Rules wider = new MeansTest.Rules(2, new BigDecimal("2.50"), new BigDecimal("0.8000"));
        Household h = household("85000", "0", Cause.UNEMPLOYMENT);
        assertThat(MeansTest.assess(RULES, STANDARD, h).tier()).isNull();
        Outcome outcome = MeansTest.assess(wider, STANDARD, h);
        assertThat(outcome.tier()).isEqualTo(HardshipTier.RELATIVE);
        assertThat(outcome.figures().ruleVersion()).isEqualTo(2);
    }

    @Test
    void refusesBadHouseholds() {
        assertThatThrownBy(() -> household("-1", "0", Cause.ILLNESS)).isInstanceOf(DomainException.class)
                .hasMessageContaining("hardship.person.income");
        assertThatThrownBy(() -> household("1.001", "0", Cause.ILLNESS)).hasMessageContaining("hardship.person.income");
        assertThatThrownBy(() -> household("1000", "-5", Cause.ILLNESS)).hasMessageContaining("hardship.expense.invalid");
        assertThatThrownBy(() -> household("1000", "0", null)).hasMessageContaining("hardship.cause.required");
        assertThatThrownBy(() -> new Household(List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, Cause.OTHER, null))
                .hasMessageContaining("hardship.household.size");
        assertThatThrownBy(() -> new Person("王五", "110105194912310021", Relation.SELF, BigDecimal.ONE))
                .hasMessageContaining("member.id-number.check-digit");
        Person same = new Person("王五", "11010519491231002X", Relation.SELF, BigDecimal.ONE);
        assertThatThrownBy(() -> new Household(List.of(same, same), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                Cause.OTHER, null)).hasMessageContaining("hardship.household.twice");
    }
}

package org.gonghui.mutualaid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gonghui.mutualaid.PlanRules.FixedSumBenefit;
import org.gonghui.mutualaid.PlanRules.InpatientBenefit;

/**
 * Applies a plan's rules to one claim. Pure: the same rules, cover and history always give the same
 * amount and the same explanation, which is how a claim can be recomputed years later.
 */
public final class BenefitCalculator {

    /** The member's cover under the plan: shares, whether it continues last year's, and its first day. */
    public record Cover(int shares, boolean continuous, LocalDate effectiveFrom) {
    }

    /**
     * The claim's facts: the event (admission or diagnosis), its end (discharge, or the diagnosis again),
     * the day it was filed, the self-paid part of the cost and, for fixed-sum plans, the disease.
     */
    public record ClaimFacts(LocalDate eventDate, LocalDate endDate, LocalDate filedOn, Money selfPaid, String disease) {
    }

    /**
     * Another claim of the member under the same plan and cover year that is not rejected: its event
     * (admission) date, whether it was filed before this one, whether it is granted (approved, in payment,
     * paid) rather than still open, and whether it was granted with the first-stay subsidy.
     */
    public record OtherStay(LocalDate admitted, boolean filedBefore, boolean granted, boolean withSubsidy) {
    }

    /**
     * The member's cover year around this claim: the amount granted on other claims, the diseases paid, the
     * diseases of open claims filed before this one, and the other stays (for the first-stay subsidy).
     */
    public record YearHistory(Money paidThisYear, Set<String> diseasesPaid, Set<String> diseasesClaimed,
            List<OtherStay> otherStays) {
        public YearHistory {
            diseasesPaid = Set.copyOf(diseasesPaid);
            diseasesClaimed = Set.copyOf(diseasesClaimed);
            otherStays = List.copyOf(otherStays);
        }

        public static YearHistory none() {
            return new YearHistory(Money.ZERO, Set.of(), Set.of(), List.of());
        }
    }

    private BenefitCalculator() {
    }

    public static Benefit compute(PlanRules rules, Cover cover, ClaimFacts claim, YearHistory history) {
        List<ExplanationLine> lines = new ArrayList<>();
        if (!excluded(rules, cover, claim, lines)) {
            Money total = rules.kind() == BenefitKind.INPATIENT
                    ? inpatient(rules.inpatient(), cover, claim, history, lines)
                    : fixedSum(rules.fixedSum(), cover, claim, history, lines);
            if (total == null) {
                return new Benefit(Money.ZERO, false, lines);
            }
            total = cap(rules.annualCap(), history.paidThisYear(), total, lines);
            lines.add(ExplanationLine.of("total", total));
            return new Benefit(total, true, lines);
        }
        return new Benefit(Money.ZERO, false, lines);
    }

    /** Cover year, start of cover, waiting period and claim deadline; adds the reason and answers true when one fails. */
    private static boolean excluded(PlanRules rules, Cover cover, ClaimFacts claim, List<ExplanationLine> lines) {
        CoverYear year = rules.coverYear();
        if (!year.contains(claim.eventDate()) || claim.eventDate().isBefore(cover.effectiveFrom())) {
            lines.add(ExplanationLine.of("outside-cover", Money.ZERO, claim.eventDate(), cover.effectiveFrom(), year.end()));
            return true;
        }
        if (cover.continuous()) {
            lines.add(ExplanationLine.of("continuous", null, year.label()));
        } else if (rules.waitingDays() > 0) {
            LocalDate waitingEnds = cover.effectiveFrom().plusDays(rules.waitingDays());
            if (claim.eventDate().isBefore(waitingEnds)) {
                lines.add(ExplanationLine.of("waiting-period", Money.ZERO, rules.waitingDays(), cover.effectiveFrom(),
                        waitingEnds));
                return true;
            }
            lines.add(ExplanationLine.of("waiting-passed", null, rules.waitingDays(), waitingEnds));
        }
        LocalDate deadline = claim.endDate().plusDays(rules.claimDeadlineDays());
        if (claim.filedOn().isAfter(deadline)) {
            lines.add(ExplanationLine.of("late", Money.ZERO, rules.claimDeadlineDays(), deadline));
            return true;
        }
        return false;
    }

    private static Money inpatient(InpatientBenefit rule, Cover cover, ClaimFacts claim, YearHistory history,
            List<ExplanationLine> lines) {
        Money selfPaid = claim.selfPaid().max(Money.ZERO);
        Money below = selfPaid.min(rule.threshold());
        Money above = selfPaid.minus(below);
        boolean reduced = !cover.continuous() && rule.firstEnrolmentRateBelow() != null;
        BigDecimal rateBelow = reduced ? rule.firstEnrolmentRateBelow() : rule.rateBelow();
        Money total = below.times(rateBelow);
        lines.add(ExplanationLine.of(reduced ? "below-threshold-first" : "below-threshold", total, percent(rateBelow),
                below, rule.threshold()));
        if (above.isPositive()) {
            Money part = above.times(rule.rateAbove());
            lines.add(ExplanationLine.of("above-threshold", part, percent(rule.rateAbove()), above, rule.threshold()));
            total = total.plus(part);
        }
        if (rule.firstStaySubsidy() != null && rule.firstStaySubsidy().isPositive()) {
            ExplanationLine line = FirstStaySubsidy.apply(rule.firstStaySubsidy(), claim.eventDate(), history.otherStays());
            lines.add(line);
            if (line.amount() != null) {
                total = total.plus(line.amount());
            }
        }
        return total;
    }

    private static Money fixedSum(FixedSumBenefit rule, Cover cover, ClaimFacts claim, YearHistory history,
            List<ExplanationLine> lines) {
        String disease = claim.disease();
        if (disease == null || !rule.diseases().contains(disease)) {
            lines.add(ExplanationLine.of("disease-not-listed", Money.ZERO, disease == null ? "-" : disease));
            return null;
        }
        if (history.diseasesPaid().contains(disease)) {
            lines.add(ExplanationLine.of("disease-already-paid", Money.ZERO, disease));
            return null;
        }
        if (history.diseasesClaimed().contains(disease)) {
            lines.add(ExplanationLine.of("disease-already-claimed", Money.ZERO, disease));
            return null;
        }
        Money sum = rule.sumPerShare().times(cover.shares());
        lines.add(ExplanationLine.of("fixed-sum", sum, rule.sumPerShare(), cover.shares(), disease));
        return sum;
    }

    private static Money cap(Money cap, Money paidThisYear, Money total, List<ExplanationLine> lines) {
        if (cap == null) {
            return total;
        }
        Money room = cap.minus(paidThisYear).max(Money.ZERO);
        if (total.greaterThan(room)) {
            lines.add(ExplanationLine.of("annual-cap", room.minus(total), cap, paidThisYear));
            return room;
        }
        return total;
    }

    static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}

package org.gonghui.mutualaid;

import java.time.LocalDate;

/**
 * Continuity of cover (连续参保): an enrolment continues last year's when the member was enrolled in the
 * same project last cover year and renews no later than {@code renewalGraceDays} after that cover ended.
 * A continuing enrolment is covered from the first day of the year without a waiting period; a first or
 * interrupted one from the day of enrolment (or the start of the year, if earlier), with the plan's
 * waiting period.
 */
public final class RenewalContinuity {

    private RenewalContinuity() {
    }

    public static BenefitCalculator.Cover cover(PlanRules rules, LocalDate enrolledOn, boolean enrolledLastYear, int shares) {
        CoverYear year = rules.coverYear();
        LocalDate graceEnds = year.previous().end().plusDays(rules.renewalGraceDays());
        boolean continuous = enrolledLastYear && !enrolledOn.isAfter(graceEnds);
        LocalDate effectiveFrom = continuous || enrolledOn.isBefore(year.start()) ? year.start() : enrolledOn;
        return new BenefitCalculator.Cover(shares, continuous, effectiveFrom);
    }
}

package org.gonghui.mutualaid;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Collective enrolment's participation rule (参保率): at least {@code rate} of a unit's insured staff, and
 * all of them in a unit of {@code smallUnitSize} or fewer.
 */
record ParticipationRule(BigDecimal rate, int smallUnitSize) {

    /** How many of the insured staff must enrol. */
    int required(int insuredStaff) {
        if (insuredStaff <= smallUnitSize) {
            return insuredStaff;
        }
        return BigDecimal.valueOf(insuredStaff).multiply(rate).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    boolean isMet(int insuredStaff, int enrolled) {
        return insuredStaff > 0 && enrolled >= required(insuredStaff) && enrolled <= insuredStaff;
    }
}

package org.gonghui.mutualaid;

import java.time.LocalDate;

/**
 * A unit's collective enrolment: the employer's union organisation, the plan, the shares everyone takes,
 * how many staff the unit insures (the participation base), the day of the unit's single payment and its
 * reference, and whether the unit declared its staff healthy (for plans that ask).
 */
public record UnitEnrolmentRequest(long orgId, String project, CoverYear coverYear, int shares, int insuredStaff,
        LocalDate paidOn, String paymentRef, boolean healthDeclared) {
}

package org.gonghui.mutualaid;

import java.time.LocalDate;

/** One member's enrolment in one plan; the certificate (参保凭证) shows exactly this. */
public record EnrolmentView(long id, long planId, String project, String projectName, CoverYear coverYear,
        long memberId, long orgId, String orgPath, String channel, int shares, Money contribution, LocalDate enrolledOn,
        LocalDate effectiveFrom, boolean continuous, int waitingDays) {

    /** e.g. {@code INPATIENT-2026-00000017}: unique because a member enrols once per project and year. */
    public String certificateNo() {
        return project + "-" + coverYear.startYear() + "-" + String.format("%08d", memberId);
    }

    /** The first day a claim's event is covered: the effective date, after the waiting period if one applies. */
    public LocalDate coveredFrom() {
        return continuous ? effectiveFrom : effectiveFrom.plusDays(waitingDays);
    }

    BenefitCalculator.Cover cover() {
        return new BenefitCalculator.Cover(shares, continuous, effectiveFrom);
    }
}

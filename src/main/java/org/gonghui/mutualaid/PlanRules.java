package org.gonghui.mutualaid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.gonghui.member.Gender;
import org.gonghui.member.MemberType;

/**
 * The configuration of one project for one cover year: who may enrol, what it costs and what it pays. A
 * plan is a version: once members are enrolled it never changes, so a claim is always computed — and
 * recomputed — with the rules of its own cover year.
 *
 * @param project stable project code, e.g. {@code INPATIENT}
 * @param name the project's name as members know it
 * @param waitingDays waiting period (等待期) for first or interrupted enrolments, counted from the start of cover
 * @param renewalGraceDays renewing within this many days after the previous cover ended keeps continuity
 * @param claimDeadlineDays a claim must be filed within this many days after discharge or diagnosis
 * @param inpatient the per-stay benefit (for {@link BenefitKind#INPATIENT} plans)
 * @param fixedSum the fixed-sum benefit (for {@link BenefitKind#FIXED_SUM} plans)
 * @param secondApprovalAbove approvals above this amount need a second, different reviewer (maker-checker)
 */
public record PlanRules(String project, String name, CoverYear coverYear, BenefitKind kind, Eligibility eligibility,
        Money contributionPerShare, int maxShares, int waitingDays, int renewalGraceDays, LocalDate enrolmentOpens,
        LocalDate enrolmentCloses, int claimDeadlineDays, InpatientBenefit inpatient, FixedSumBenefit fixedSum,
        Money secondApprovalAbove) {

    public PlanRules {
        if (project == null || !project.matches("[A-Z_]{2,20}")) {
            throw new IllegalArgumentException("project code must be 2-20 capital letters");
        }
        if (kind == BenefitKind.INPATIENT && inpatient == null || kind == BenefitKind.FIXED_SUM && fixedSum == null) {
            throw new IllegalArgumentException("benefit of kind " + kind + " missing");
        }
        if (maxShares < 1 || waitingDays < 0 || renewalGraceDays < 0 || claimDeadlineDays < 1) {
            throw new IllegalArgumentException("shares, waiting, grace and deadline must be positive");
        }
        if (!contributionPerShare.isPositive()) {
            throw new IllegalArgumentException("contribution must be positive");
        }
        if (enrolmentCloses.isBefore(enrolmentOpens)) {
            throw new IllegalArgumentException("enrolment window closes before it opens");
        }
    }

    /** Who may enrol: member types, an age limit on the cover start, a gender, and a health declaration. */
    public record Eligibility(Set<MemberType> memberTypes, Integer maxAge, Gender gender, boolean healthDeclaration) {
        public Eligibility {
            memberTypes = Set.copyOf(memberTypes);
            if (memberTypes.isEmpty()) {
                throw new IllegalArgumentException("at least one member type");
            }
        }
    }

    /**
     * Per hospital stay: {@code rateBelow} of the self-paid part up to {@code threshold}, {@code rateAbove} of
     * the rest; {@code firstEnrolmentRateBelow} instead of {@code rateBelow} for a first or interrupted
     * enrolment (optional); {@code firstStaySubsidy} once a cover year towards the deductible (optional);
     * {@code annualCap} on the year's total (optional).
     */
    public record InpatientBenefit(Money threshold, BigDecimal rateBelow, BigDecimal rateAbove,
            BigDecimal firstEnrolmentRateBelow, Money firstStaySubsidy, Money annualCap) {
        public InpatientBenefit {
            requireRate(rateBelow);
            requireRate(rateAbove);
            if (firstEnrolmentRateBelow != null) {
                requireRate(firstEnrolmentRateBelow);
            }
            rateBelow = rateBelow.stripTrailingZeros();
            rateAbove = rateAbove.stripTrailingZeros();
            firstEnrolmentRateBelow = firstEnrolmentRateBelow == null ? null : firstEnrolmentRateBelow.stripTrailingZeros();
        }
    }

    /** A fixed sum per share for each listed disease, paid once per disease and cover year; optional annual cap. */
    public record FixedSumBenefit(Money sumPerShare, Set<String> diseases, Money annualCap) {
        public FixedSumBenefit {
            diseases = Set.copyOf(diseases);
            if (diseases.isEmpty() || !sumPerShare.isPositive()) {
                throw new IllegalArgumentException("a fixed-sum benefit needs diseases and a positive sum");
            }
        }
    }

    public Money annualCap() {
        return kind == BenefitKind.INPATIENT ? inpatient.annualCap() : fixedSum.annualCap();
    }

    private static void requireRate(BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a rate lies between 0 and 1: " + rate);
        }
    }
}

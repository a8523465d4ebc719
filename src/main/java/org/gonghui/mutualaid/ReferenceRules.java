package org.gonghui.mutualaid;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gonghui.member.Gender;
import org.gonghui.member.MemberType;
import org.gonghui.mutualaid.PlanRules.Eligibility;
import org.gonghui.mutualaid.PlanRules.FixedSumBenefit;
import org.gonghui.mutualaid.PlanRules.InpatientBenefit;

/**
 * Ningbo's four projects as published (see DOMAIN.md): the demo configuration and the tests' reference.
 * Only data; production configures plans through the console or the API.
 */
public final class ReferenceRules {

    public static final String INPATIENT = "INPATIENT";
    public static final String RETIREE = "RETIREE";
    public static final String SERIOUS = "SERIOUS";
    public static final String WOMEN = "WOMEN";

    /** The seven special serious diseases (特种重病). */
    public static final Set<String> SERIOUS_DISEASES = Set.of("UREMIA", "MALIGNANT_TUMOUR", "APLASTIC_ANAEMIA",
            "HEART_VALVE", "CABG", "INTRACRANIAL_TUMOUR", "AORTIC_SURGERY");
    /** Women workers' cancers (女职工安康). */
    public static final Set<String> WOMEN_DISEASES = Set.of("BREAST_CANCER", "GYNAECOLOGICAL_CANCER");

    private static final Money SECOND_APPROVAL_ABOVE = Money.of(5000);

    private ReferenceRules() {
    }

    public static List<PlanRules> ningbo(CoverYear year) {
        return List.of(inpatient(year), retiree(year), serious(year), women(year));
    }

    /** 在职职工住院: 60 yuan, 80% up to 3,000 + 10% above, 200 towards the first stay's deductible. */
    public static PlanRules inpatient(CoverYear year) {
        return new PlanRules(INPATIENT, "在职职工住院医疗互助", year, BenefitKind.INPATIENT,
                new Eligibility(EnumSet.of(MemberType.IN_SERVICE, MemberType.MIGRANT), null, null, false),
                Money.of(60), 1, 0, 30, year.start().minusMonths(2), year.end(), 180,
                new InpatientBenefit(Money.of(3000), rate("0.80"), rate("0.10"), null, Money.of(200), null), null,
                SECOND_APPROVAL_ABOVE);
    }

    /** 退休人员住院: 130 yuan, 50% up to 3,000 + 10% above; 40% and a 60-day wait for first or interrupted enrolments. */
    public static PlanRules retiree(CoverYear year) {
        return new PlanRules(RETIREE, "退休人员住院医疗互助", year, BenefitKind.INPATIENT,
                new Eligibility(EnumSet.of(MemberType.RETIRED), null, null, false),
                Money.of(130), 1, 60, 30, year.start().minusMonths(2), year.end(), 180,
                new InpatientBenefit(Money.of(3000), rate("0.50"), rate("0.10"), rate("0.40"), null, null), null,
                SECOND_APPROVAL_ABOVE);
    }

    /** 特种重病: 20 yuan a share, up to 3 shares, 10,000 a share for one of seven diseases; 90-day wait. */
    public static PlanRules serious(CoverYear year) {
        return new PlanRules(SERIOUS, "特种重病医疗互助", year, BenefitKind.FIXED_SUM,
                new Eligibility(EnumSet.of(MemberType.IN_SERVICE, MemberType.MIGRANT), 59, null, true),
                Money.of(20), 3, 90, 30, year.start().minusMonths(2), year.end(), 180, null,
                new FixedSumBenefit(Money.of(10000), SERIOUS_DISEASES, null), SECOND_APPROVAL_ABOVE);
    }

    /** 女职工安康: 15 yuan a share, up to 3 shares, 10,000 a share for breast or gynaecological cancer; 90-day wait. */
    public static PlanRules women(CoverYear year) {
        return new PlanRules(WOMEN, "女职工安康互助", year, BenefitKind.FIXED_SUM,
                new Eligibility(EnumSet.of(MemberType.IN_SERVICE, MemberType.MIGRANT), 54, Gender.FEMALE, true),
                Money.of(15), 3, 90, 30, year.start().minusMonths(2), year.end(), 180, null,
                new FixedSumBenefit(Money.of(10000), WOMEN_DISEASES, null), SECOND_APPROVAL_ABOVE);
    }

    private static BigDecimal rate(String value) {
        return new BigDecimal(value);
    }
}

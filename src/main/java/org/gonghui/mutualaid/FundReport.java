package org.gonghui.mutualaid;

import java.math.BigDecimal;

/**
 * One fund (project and cover year) at a glance: income, benefits granted and paid, what is still owed,
 * the number of claims granted and their average, the surplus ratio now and projected to the year's end,
 * and whether the year is heading for a deficit (以支定收，收支平衡，略有结余).
 *
 * @param surplusRatio (income − benefits) ÷ income, {@code null} without income
 * @param projectedSurplusRatio the same with benefits extrapolated to the whole year at the pace so far
 * @param balanced whether the fund's ledger lines add up to zero (they always should)
 */
public record FundReport(String project, String projectName, CoverYear coverYear, long enrolments, Money income,
        Money benefits, Money paid, Money payable, Money bank, long claims, Money averageBenefit,
        BigDecimal surplusRatio, BigDecimal elapsed, BigDecimal projectedSurplusRatio, boolean deficitWarning,
        boolean balanced) {
}

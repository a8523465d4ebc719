package org.gonghui.hardship.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.hardship.HardshipTier;

/**
 * The means test (困难认定). Pure: the same rules, standard and household always give the same tier and the same
 * explanation, which is how a decision can be shown years later from its frozen figures.
 *
 * <ul>
 * <li>net = household disposable income − rigid expenses (medical + education + disability), per year;</li>
 * <li>per-capita monthly = net ÷ 12 ÷ household size, compared <em>exactly</em> (net &lt; standard × 12 × size), the
 * shown value rounded half-up to fen;</li>
 * <li><b>deep</b> when below the standard (低保), else <b>relative</b> when below factor × standard, else
 * <b>accident-caused</b> when the cause is injury, disability or death or rigid expenses exceed the share of income
 * (strictly above; any expense counts when there is no income), else not in hardship.</li>
 * </ul>
 */
public final class MeansTest {

    /** A version of the rules: the relative factor (2) and the accident share of income (0.80). */
    public record Rules(int version, BigDecimal relativeFactor, BigDecimal accidentCostShare) {
    }

    /** The local minimum living standard of a district for a year, yuan per person and month. */
    public record Standard(long districtId, int year, BigDecimal monthly) {
    }

    /** Every figure the decision used, frozen with it. */
    public record Figures(BigDecimal income, BigDecimal medical, BigDecimal education, BigDecimal disability,
            BigDecimal rigid, BigDecimal net, int size, BigDecimal perCapitaMonthly, long districtId, int standardYear,
            BigDecimal standard, BigDecimal relativeLimit, int ruleVersion, BigDecimal relativeFactor,
            BigDecimal accidentCostShare, Cause cause) {
    }

    /** The tier ({@code null}: not in hardship), the figures and the explanation. */
    public record Outcome(HardshipTier tier, Figures figures, List<ExplanationLine> lines) {
        public Outcome {
            lines = List.copyOf(lines);
        }
    }

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private MeansTest() {
    }

    public static Outcome assess(Rules rules, Standard standard, Household household) {
        List<ExplanationLine> lines = new ArrayList<>();
        BigDecimal income = household.income();
        BigDecimal rigid = household.rigidExpenses();
        BigDecimal net = income.subtract(rigid);
        int size = household.size();
        BigDecimal perCapita = net.divide(TWELVE.multiply(BigDecimal.valueOf(size)), 2, RoundingMode.HALF_UP);
        BigDecimal relativeLimit = standard.monthly().multiply(rules.relativeFactor()).setScale(2, RoundingMode.HALF_UP);
        lines.add(ExplanationLine.of("income", income, size, income));
        lines.add(ExplanationLine.of("rigid", rigid, household.medical(), household.education(), household.disability()));
        lines.add(ExplanationLine.of("net", net, income, rigid));
        lines.add(ExplanationLine.of("per-capita", perCapita, net, size));
        lines.add(ExplanationLine.of("standard", standard.monthly(), standard.year(), standard.monthly()));
        BigDecimal months = TWELVE.multiply(BigDecimal.valueOf(size));
        HardshipTier tier = null;
        if (net.compareTo(standard.monthly().multiply(months)) < 0) {
            tier = HardshipTier.DEEP;
            lines.add(ExplanationLine.of("deep", null, perCapita, standard.monthly()));
        } else if (net.compareTo(standard.monthly().multiply(rules.relativeFactor()).multiply(months)) < 0) {
            tier = HardshipTier.RELATIVE;
            lines.add(ExplanationLine.of("not-deep", null, perCapita, standard.monthly()));
            lines.add(ExplanationLine.of("relative", null, perCapita, relativeLimit, factor(rules.relativeFactor())));
        } else {
            lines.add(ExplanationLine.of("not-relative", null, perCapita, relativeLimit, factor(rules.relativeFactor())));
            BigDecimal costLimit = income.multiply(rules.accidentCostShare()).setScale(2, RoundingMode.HALF_UP);
            if (household.cause().accident()) {
                tier = HardshipTier.ACCIDENT;
                lines.add(ExplanationLine.of("accident-cause", null, household.cause().name()));
            } else if (rigid.compareTo(income.multiply(rules.accidentCostShare())) > 0) {
                tier = HardshipTier.ACCIDENT;
                lines.add(ExplanationLine.of("accident-costs", null, rigid, percent(rules.accidentCostShare()), costLimit));
            } else {
                lines.add(ExplanationLine.of("no-accident", null, rigid, percent(rules.accidentCostShare()), costLimit));
            }
        }
        lines.add(ExplanationLine.of(tier == null ? "result-none" : "result", null, tier == null ? "-" : tier.name()));
        Figures figures = new Figures(income, household.medical(), household.education(), household.disability(), rigid,
                net, size, perCapita, standard.districtId(), standard.year(), standard.monthly(), relativeLimit,
                rules.version(), rules.relativeFactor(), rules.accidentCostShare(), household.cause());
        return new Outcome(tier, figures, lines);
    }

    private static String factor(BigDecimal factor) {
        return factor.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}

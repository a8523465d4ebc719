package org.gonghui.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.gonghui.shared.figures.FigureDefinition.Kind;

/**
 * One figure of a dashboard for a year and the year before. Counts are numbers, amounts are in fen, ratios are
 * fractions (0.9125 is 91.25 %) with four decimals, null when their denominator is zero. {@code change} is
 * {@code value − previous} (percentage points × 0.01 for a ratio), null when either is null.
 */
public record DashboardFigure(String key, String section, Kind kind, BigDecimal value, BigDecimal previous,
        BigDecimal change) {

    static DashboardFigure of(String key, String section, Kind kind, BigDecimal value, BigDecimal previous) {
        return new DashboardFigure(key, section, kind, value, previous,
                value == null || previous == null ? null : value.subtract(previous));
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
    }

    /** The change relative to the previous year, as a fraction; null for a ratio or when there was nothing before. */
    @JsonProperty("relativeChange")
    public BigDecimal relativeChange() {
        if (kind == Kind.RATIO || change == null || previous.signum() == 0) {
            return null;
        }
        return change.divide(previous.abs(), 4, RoundingMode.HALF_UP);
    }
}

package org.gonghui.card.merchant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The quarterly review's scoring rule, as configuration ({@code gonghui.card.merchant.review.*}): four parts each
 * worth 0–1, weighted (weights are normalised to sum 1) into a score of 0–100.
 * <ul>
 * <li>redemptions: the quarter's member-visits against a target (full marks at or above it);</li>
 * <li>ratings: the average stars, 1 → 0 and 5 → 1 (no ratings: counted as 3 stars);</li>
 * <li>complaints: 1 without upheld complaints, 0 at the exit threshold or above, linear between;</li>
 * <li>inspections: the average inspection score / 100 (none: counted as the pass mark).</li>
 * </ul>
 * A merchant is flagged for exit when its upheld complaints reach the threshold or its score is below the minimum.
 */
public record ReviewRule(double redemptionsWeight, double ratingWeight, double complaintsWeight,
        double inspectionWeight, long redemptionTarget, int upheldComplaintsForExit, double minimumScore,
        double inspectionPassMark) {

    public ReviewRule {
        if (redemptionsWeight < 0 || ratingWeight < 0 || complaintsWeight < 0 || inspectionWeight < 0
                || redemptionsWeight + ratingWeight + complaintsWeight + inspectionWeight <= 0) {
            throw new IllegalArgumentException("review weights must be non-negative and not all zero");
        }
        if (redemptionTarget <= 0 || upheldComplaintsForExit <= 0) {
            throw new IllegalArgumentException("the redemption target and the complaint threshold must be positive");
        }
    }

    /** What a quarter's review is computed from. */
    public record Inputs(long redemptions, BigDecimal averageStars, int upheldComplaints, BigDecimal inspectionAverage) {
    }

    /** The score (0–100, two decimals), whether the merchant is flagged, and why (message codes). */
    public record Score(BigDecimal score, boolean flagged, List<String> reasons) {
    }

    public Score score(Inputs in) {
        double total = redemptionsWeight + ratingWeight + complaintsWeight + inspectionWeight;
        double redemptions = Math.min(1.0, (double) in.redemptions() / redemptionTarget);
        double stars = in.averageStars() == null ? 3.0 : in.averageStars().doubleValue();
        double rating = Math.max(0, Math.min(1, (stars - 1) / 4));
        double complaints = Math.max(0, 1 - (double) in.upheldComplaints() / upheldComplaintsForExit);
        double inspection = Math.max(0, Math.min(1, (in.inspectionAverage() == null ? inspectionPassMark
                : in.inspectionAverage().doubleValue()) / 100));
        double value = 100 * (redemptionsWeight * redemptions + ratingWeight * rating + complaintsWeight * complaints
                + inspectionWeight * inspection) / total;
        BigDecimal score = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        List<String> reasons = new ArrayList<>();
        if (in.upheldComplaints() >= upheldComplaintsForExit) {
            reasons.add("card.merchant.flag.complaints");
        }
        if (score.doubleValue() < minimumScore) {
            reasons.add("card.merchant.flag.score");
        }
        return new Score(score, !reasons.isEmpty(), List.copyOf(reasons));
    }
}

package org.gonghui.card.merchant;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The merchant network's configuration ({@code gonghui.card.merchant.*}): the categories merchants are listed under,
 * the written selection criteria, the districts a member may pick instead of sharing their position, and the
 * quarterly review's rule. Labels are {@code card.merchant.category.<key>}, {@code card.merchant.criterion.<key>}
 * in the card bundle.
 */
@Component
public class MerchantSettings {

    /** A district a member can choose: its name and a central point. */
    public record District(String name, double lat, double lng) {
    }

    private final List<String> categories;
    private final List<String> criteria;
    private final List<District> districts;
    private final ReviewRule reviewRule;

    MerchantSettings(@Value("${gonghui.card.merchant.categories}") List<String> categories,
            @Value("${gonghui.card.merchant.criteria}") List<String> criteria,
            @Value("${gonghui.card.merchant.districts}") List<String> districts,
            @Value("${gonghui.card.merchant.review.weights}") List<Double> weights,
            @Value("${gonghui.card.merchant.review.redemption-target}") long redemptionTarget,
            @Value("${gonghui.card.merchant.review.upheld-complaints-for-exit}") int upheldForExit,
            @Value("${gonghui.card.merchant.review.minimum-score}") double minimumScore,
            @Value("${gonghui.card.merchant.review.inspection-pass-mark}") double passMark) {
        this.categories = categories.stream().map(String::strip).toList();
        this.criteria = criteria.stream().map(String::strip).toList();
        List<District> list = new ArrayList<>();
        for (String d : districts) {
            String[] parts = d.strip().split(":");
            list.add(new District(parts[0].strip(), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
        }
        this.districts = List.copyOf(list);
        if (weights.size() != 4) {
            throw new IllegalArgumentException("gonghui.card.merchant.review.weights: four weights (redemptions, "
                    + "ratings, complaints, inspections)");
        }
        this.reviewRule = new ReviewRule(weights.get(0), weights.get(1), weights.get(2), weights.get(3), redemptionTarget,
                upheldForExit, minimumScore, passMark);
    }

    public List<String> categories() {
        return categories;
    }

    public List<String> criteria() {
        return criteria;
    }

    public List<District> districts() {
        return districts;
    }

    public ReviewRule reviewRule() {
        return reviewRule;
    }

    public District district(String name) {
        return districts.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }
}

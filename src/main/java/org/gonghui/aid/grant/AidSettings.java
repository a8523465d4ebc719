package org.gonghui.aid.grant;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Aid policy as configuration ({@code gonghui.aid.*}); every number here is a setting, not code.
 *
 * @param secondApprovalAbove a grant above this amount needs a second approver (3,000 yuan)
 * @param maxGrant            the most one grant may be (20,000 yuan)
 * @param wishMax             the most a micro-wish may be worth (500 yuan)
 * @param schoolAmounts       金秋助学 per child and school year by level (2,000 – 5,000 yuan)
 * @param eligibleTiers       the hardship tiers (DEEP, RELATIVE, ACCIDENT) each kind of aid is open to
 */
@ConfigurationProperties("gonghui.aid")
public record AidSettings(BigDecimal secondApprovalAbove, BigDecimal maxGrant, BigDecimal wishMax,
        Map<SchoolLevel, BigDecimal> schoolAmounts, Map<AidKind, Set<String>> eligibleTiers) {

    public AidSettings {
        secondApprovalAbove = secondApprovalAbove == null ? new BigDecimal("3000.00") : secondApprovalAbove;
        maxGrant = maxGrant == null ? new BigDecimal("20000.00") : maxGrant;
        wishMax = wishMax == null ? new BigDecimal("500.00") : wishMax;
        Map<SchoolLevel, BigDecimal> amounts = new EnumMap<>(SchoolLevel.class);
        amounts.put(SchoolLevel.PRIMARY, new BigDecimal("2000.00"));
        amounts.put(SchoolLevel.JUNIOR_HIGH, new BigDecimal("2500.00"));
        amounts.put(SchoolLevel.SENIOR_HIGH, new BigDecimal("3000.00"));
        amounts.put(SchoolLevel.VOCATIONAL, new BigDecimal("3000.00"));
        amounts.put(SchoolLevel.COLLEGE, new BigDecimal("5000.00"));
        if (schoolAmounts != null) {
            amounts.putAll(schoolAmounts);
        }
        schoolAmounts = Map.copyOf(amounts);
        Map<AidKind, Set<String>> tiers = new EnumMap<>(AidKind.class);
        tiers.put(AidKind.LIVING, Set.of("DEEP", "RELATIVE"));
        tiers.put(AidKind.MEDICAL, Set.of("DEEP", "RELATIVE", "ACCIDENT"));
        tiers.put(AidKind.FESTIVAL, Set.of("DEEP", "RELATIVE", "ACCIDENT"));
        tiers.put(AidKind.SCHOOL, Set.of("DEEP", "RELATIVE", "ACCIDENT"));
        if (eligibleTiers != null) {
            eligibleTiers.forEach((kind, set) -> tiers.put(kind, Set.copyOf(new LinkedHashSet<>(set))));
        }
        eligibleTiers = Map.copyOf(tiers);
        for (BigDecimal amount : schoolAmounts.values()) {
            Amounts.fen(amount);
        }
        Amounts.fen(secondApprovalAbove);
        Amounts.fen(maxGrant);
        Amounts.fen(wishMax);
    }

    public BigDecimal schoolAmount(SchoolLevel level) {
        return schoolAmounts.get(level).setScale(2);
    }

    public long secondApprovalAboveFen() {
        return Amounts.fen(secondApprovalAbove);
    }

    public long maxGrantFen() {
        return Amounts.fen(maxGrant);
    }

    public long wishMaxFen() {
        return Amounts.fen(wishMax);
    }

    /** Whether a member of this hardship tier may receive this kind of aid. */
    public boolean eligible(AidKind kind, String tier) {
        return tier != null && eligibleTiers.getOrDefault(kind, Set.of()).contains(tier);
    }
}

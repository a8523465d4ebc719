package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gonghui.mutualaid.BenefitCalculator.OtherStay;

/**
 * The first-stay subsidy (年度首次住院起付线补助) belongs to the member's <em>earliest</em> stay of the cover
 * year by admission date (on the same day, the claim filed first) — not to whichever claim is approved first:
 * <ol>
 * <li>once a stay was granted with the subsidy (approved, in payment or paid), it is spent for the year: no
 * other stay gets it again, not even an earlier one filed later;</li>
 * <li>otherwise, while an earlier stay is still open, the subsidy is kept for that stay;</li>
 * <li>otherwise this stay gets it. Rejected stays do not count, so a rejected earlier stay passes the
 * subsidy on to the next one.</li>
 * </ol>
 * Decided stays without the subsidy never block it: the amounts of decided claims do not change.
 */
final class FirstStaySubsidy {

    private FirstStaySubsidy() {
    }

    /** The explanation line for this stay: the subsidy, or why it goes elsewhere. */
    static ExplanationLine apply(Money subsidy, LocalDate admitted, List<OtherStay> others) {
        Optional<OtherStay> granted = others.stream().filter(s -> s.granted() && s.withSubsidy())
                .min(Comparator.comparing(OtherStay::admitted));
        if (granted.isPresent()) {
            return ExplanationLine.of("first-stay-granted", null, subsidy, granted.get().admitted());
        }
        Optional<OtherStay> earlierOpen = others.stream().filter(s -> !s.granted() && isBefore(s, admitted))
                .min(Comparator.comparing(OtherStay::admitted));
        if (earlierOpen.isPresent()) {
            return ExplanationLine.of("first-stay-earlier", null, subsidy, earlierOpen.get().admitted());
        }
        return ExplanationLine.of("first-stay", subsidy, subsidy);
    }

    private static boolean isBefore(OtherStay other, LocalDate admitted) {
        return other.admitted().isBefore(admitted) || other.admitted().isEqual(admitted) && other.filedBefore();
    }
}

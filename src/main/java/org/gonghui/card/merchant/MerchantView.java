package org.gonghui.card.merchant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A card merchant as pages show it; the contact phone only masked. */
public record MerchantView(long id, Long merchantId, String name, String licenceCode, List<String> categories,
        String committedDiscount, String contactName, String contactPhoneMasked, MerchantStatus status, String appliedBy,
        Instant appliedAt, String approvedBy, String decisionNote, String contractNo, LocalDate contractFrom,
        LocalDate contractUntil, String exitSide, String exitReason, LocalDate exitNoticedOn, LocalDate discountsStopOn,
        boolean flagged, String flagReason) {

    /** Whether its discounts may be given on {@code day}: active or exiting, within the contract, before the stop date. */
    public boolean discountsOn(LocalDate day) {
        return (status == MerchantStatus.ACTIVE || status == MerchantStatus.EXITING) && contractFrom != null
                && !day.isBefore(contractFrom) && !day.isAfter(contractUntil)
                && (discountsStopOn == null || day.isBefore(discountsStopOn));
    }
}

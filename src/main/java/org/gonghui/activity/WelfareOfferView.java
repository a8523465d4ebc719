package org.gonghui.activity;

import java.time.Instant;
import java.util.List;

/** A welfare offer (普惠福利) as published: vouchers to claim in a window, valid for a period, at its merchants. */
public record WelfareOfferView(long id, long orgId, String orgPath, String title, String description, int priceFen,
        int totalQuantity, int perMember, Instant claimOpensAt, Instant claimClosesAt, Instant validFrom,
        Instant validUntil, Eligibility eligibility, String status, List<Long> merchantIds) {

    public WelfareOfferView {
        merchantIds = merchantIds == null ? List.of() : List.copyOf(merchantIds);
    }

    public ActivityView.Phase phase(Instant now) {
        if ("CANCELLED".equals(status)) {
            return ActivityView.Phase.CANCELLED;
        }
        if (!"PUBLISHED".equals(status) || !now.isBefore(claimClosesAt)) {
            return ActivityView.Phase.CLOSED;
        }
        return now.isBefore(claimOpensAt) ? ActivityView.Phase.UPCOMING : ActivityView.Phase.OPEN;
    }

    /** The price as yuan text, e.g. "0.01". */
    public String price() {
        return java.math.BigDecimal.valueOf(priceFen, 2).toPlainString();
    }
}

package org.gonghui.activity;

import java.time.Instant;

/** A member claimed a voucher of a welfare offer (once per voucher). Published inside the claim's transaction. */
public record WelfareClaimed(long voucherId, long offerId, long memberId, String offerTitle, int priceFen,
        Instant claimedAt) {
}

package org.gonghui.activity;

import java.time.Instant;

/**
 * A merchant redeemed a member's voucher (once per voucher; a retry that gets the first answer again publishes
 * nothing). Published inside the redemption's transaction.
 */
public record VoucherUsed(long voucherId, long offerId, long memberId, String offerTitle, long merchantId,
        String outlet, Instant redeemedAt) {
}

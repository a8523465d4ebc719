package org.gonghui.card;

import java.time.Instant;

/**
 * A member's card discount was recorded at a merchant's till (once per redemption; a retry that gets the first answer
 * again publishes nothing). Published synchronously inside the till's transaction, so a listener's own writes commit
 * or roll back with the redemption.
 */
public record DiscountRedeemed(long redemptionId, long memberId, long merchantId, String merchantName, String outletName,
        long billFen, long discountFen, Long campaignId, Instant redeemedAt) {
}

package org.gonghui.card;

import java.time.Instant;

/**
 * A member's card discount was recorded at a merchant's till (once per redemption; a retry that gets the first answer
 * again publishes nothing). Published synchronously inside the till's transaction, so a listener's own writes commit
 * or roll back with the redemption. It stays in the process: its listeners write in that transaction and cache
 * nothing, and a campaign's rush at the tills would otherwise send a broker message per redemption.
 */
@org.gonghui.shared.events.StaysInProcess
public record DiscountRedeemed(long redemptionId, long memberId, long merchantId, String merchantName, String outletName,
        long billFen, long discountFen, Long campaignId, Instant redeemedAt) {
}

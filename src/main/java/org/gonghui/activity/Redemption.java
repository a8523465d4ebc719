package org.gonghui.activity;

import java.time.Instant;

/** A redeemed voucher, as the merchant sees it; {@code replay} when a retry got the first answer again. */
public record Redemption(String code, long offerId, String offerTitle, String price, Instant redeemedAt, String outlet,
        boolean replay) {
}

package org.gonghui.activity;

import java.time.Instant;

/** A claimed voucher: its unguessable code is what the member's QR code carries and the merchant types. */
public record VoucherView(long id, long offerId, long memberId, int serialNo, String code, Instant claimedAt,
        Instant redeemedAt, Long redeemedBy, String redeemedOutlet) {

    public boolean redeemed() {
        return redeemedAt != null;
    }
}

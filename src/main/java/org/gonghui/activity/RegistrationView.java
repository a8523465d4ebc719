package org.gonghui.activity;

import java.time.Instant;

/**
 * A registration as its member and staff see it. {@code waitlistPosition} is 1 for the next in line (null
 * when not waitlisted); {@code checkInCode} is what the member's QR code carries.
 */
public record RegistrationView(long id, long activityId, long memberId, RegistrationStatus status, Integer placeNo,
        Integer waitlistPosition, Instant offerExpiresAt, String checkInCode, Instant attendedAt, boolean noShow,
        Integer drawRank, Instant createdAt, ShippingAddress shippingAddress) {

    /** A registration just stored, as its member is told of it (the shipping phone masked). */
    static RegistrationView stored(long id, long activityId, long memberId, RegistrationStatus status, Integer place,
            Instant at, ShippingAddress address) {
        return new RegistrationView(id, activityId, memberId, status, place, null, null, null, null, false, null, at,
                address == null ? null : address.masked());
    }

    public RegistrationView withPosition(Integer position) {
        return new RegistrationView(id, activityId, memberId, status, placeNo, position, offerExpiresAt, checkInCode,
                attendedAt, noShow, drawRank, createdAt, shippingAddress);
    }
}

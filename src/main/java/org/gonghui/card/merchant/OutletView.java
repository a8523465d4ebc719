package org.gonghui.card.merchant;

/** An outlet; {@code metres} is the distance from the point searched from (0 when listed without one). */
public record OutletView(long id, long merchantId, String merchantName, String name, String address, String district,
        String openingHours, double lat, double lng, long metres) {
}

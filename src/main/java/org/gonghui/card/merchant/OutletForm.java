package org.gonghui.card.merchant;

/** An outlet as typed: name, address, district, opening hours, coordinates (WGS-84 degrees). */
public record OutletForm(String name, String address, String district, String openingHours, Double lat, Double lng) {
}

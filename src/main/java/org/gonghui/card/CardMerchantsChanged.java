package org.gonghui.card;

/**
 * A card merchant, outlet, standing discount or campaign changed: every instance's tills forget what they knew of
 * the merchants.
 */
public record CardMerchantsChanged() {
}

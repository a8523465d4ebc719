package org.gonghui.card.merchant;

import java.util.List;

/** A merchant's application (or staff's registration) to join the 5·1 card's merchant network. */
public record MerchantApplication(String name, String licenceCode, List<String> categories, String committedDiscount,
        String contactName, String contactPhone, List<OutletForm> outlets) {
}

package org.gonghui.card.merchant;

/** Where a merchant stands: applied (under selection), rejected, active under contract, exiting (discounts stop on a date). */
public enum MerchantStatus {
    APPLIED, REJECTED, ACTIVE, EXITING
}

package org.gonghui.modelworker.allowance;

/**
 * Where a month's allowance line stands: entitled in the payment engine (its payment's own status is the engine's),
 * held until its reason is gone, forfeited (held when the rule says held months are not paid, or ended by death or
 * revocation before release), cancelled (withdrawn from the engine after a death or revocation recorded late).
 */
public enum LineStatus {
    ENTITLED, HELD, FORFEITED, CANCELLED
}

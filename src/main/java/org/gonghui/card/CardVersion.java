package org.gonghui.card;

/** The card's generation: 3.0 adds transit payment and 蓝领通 small loans to what 2.0 opens. */
public enum CardVersion {
    V2, V3;

    /** Whether the card pays transit fares and may apply for 蓝领通 loans. */
    public boolean hasTransitAndLoans() {
        return this == V3;
    }
}

package org.gonghui.card;

/** What happened to a card, as its history shows it. */
public enum CardEventKind {
    ISSUED, CARRIED_OVER, ACTIVATED, REPORTED_LOST, FOUND, REPLACED, UPGRADED, CANCELLED
}

package org.gonghui.card;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a card is in its life. A card is issued by the bank, activated by the member, may be reported lost (and
 * found again), is replaced by a new card or cancelled; replaced and cancelled are final.
 */
public enum CardStatus {
    ISSUED, ACTIVE, REPORTED_LOST, REPLACED, CANCELLED;

    /** The statuses this one may move to. */
    public Set<CardStatus> next() {
        return switch (this) {
            case ISSUED -> EnumSet.of(ACTIVE, REPORTED_LOST, REPLACED, CANCELLED);
            case ACTIVE -> EnumSet.of(REPORTED_LOST, REPLACED, CANCELLED);
            case REPORTED_LOST -> EnumSet.of(ACTIVE, REPLACED, CANCELLED);
            case REPLACED, CANCELLED -> EnumSet.noneOf(CardStatus.class);
        };
    }

    public boolean canMoveTo(CardStatus target) {
        return next().contains(target);
    }

    /** Whether the card still belongs to the member (at most one such card per member). */
    public boolean isLive() {
        return this == ISSUED || this == ACTIVE || this == REPORTED_LOST;
    }
}

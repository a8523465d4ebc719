package org.gonghui.card;

import java.time.Instant;

/** One line of a card's history: what happened, the status and version after it, who, when and why. */
public record CardHistoryLine(CardEventKind kind, CardStatus status, CardVersion version, Instant at, String by,
        String reason) {
}

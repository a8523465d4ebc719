package org.gonghui.myunion;

import java.time.Instant;

/**
 * One entry of a member's record. {@code title} and {@code detail} are the words to show with the kind's message:
 * an activity or offer title and its price or outlet, a payment programme's code, a merchant and outlet, a
 * help-desk request number and its outcome.
 */
public record RecordEntryView(long id, Instant occurredAt, RecordKind kind, Long amountFen, String title,
        String detail) {
}

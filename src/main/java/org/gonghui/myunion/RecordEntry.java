package org.gonghui.myunion;

import java.time.Instant;

/** One thing to write into a member's record; {@code kind} and {@code sourceRef} identify it across deliveries. */
record RecordEntry(long memberId, Instant occurredAt, RecordKind kind, Long amountFen, String sourceRef, String title,
        String detail) {

    RecordEntry {
        if (occurredAt == null || kind == null || sourceRef == null || sourceRef.isBlank()) {
            throw new IllegalArgumentException("a record entry needs a time, a kind and a source reference");
        }
        title = cut(title, 200);
        detail = cut(detail, 100);
    }

    String key() {
        return kind.name() + '|' + sourceRef;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

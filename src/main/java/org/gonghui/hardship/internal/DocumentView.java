package org.gonghui.hardship.internal;

import java.time.Instant;

public record DocumentView(long id, String name, String contentType, long size, Instant uploadedAt) {
}

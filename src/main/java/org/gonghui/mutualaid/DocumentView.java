package org.gonghui.mutualaid;

import java.time.Instant;

/** A claim document's metadata; the content is opened separately and every opening is audit-logged. */
public record DocumentView(long id, long claimId, DocumentType type, String originalName, String contentType,
        long sizeBytes, String uploadedBy, Instant uploadedAt) {

    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}

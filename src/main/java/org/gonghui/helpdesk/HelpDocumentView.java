package org.gonghui.helpdesk;

import java.time.Instant;

/** A document or photo of a request: what it is, who added it (staff names are not shown to the member), when. */
public record HelpDocumentView(long id, long requestId, String originalName, String contentType, long sizeBytes,
        String uploadedBy, boolean byMember, Instant uploadedAt) {

    public boolean isImage() {
        return contentType != null && contentType.startsWith("image/");
    }
}

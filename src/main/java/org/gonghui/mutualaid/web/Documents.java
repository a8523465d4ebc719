package org.gonghui.mutualaid.web;

import java.nio.charset.StandardCharsets;
import org.gonghui.mutualaid.StoredDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How a claim document is sent to a browser: inline, never cached, never sniffed. */
final class Documents {

    private Documents() {
    }

    static ResponseEntity<byte[]> inline(StoredDocument stored) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.document().contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(stored.document().originalName(), StandardCharsets.UTF_8).build().toString())
                .body(stored.content());
    }
}

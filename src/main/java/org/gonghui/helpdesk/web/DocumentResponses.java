package org.gonghui.helpdesk.web;

import java.nio.charset.StandardCharsets;
import org.gonghui.helpdesk.HelpDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How a request's document is sent to a browser or app: inline, never cached, never sniffed. */
final class DocumentResponses {

    private DocumentResponses() {
    }

    static ResponseEntity<byte[]> inline(HelpDocument stored) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.document().contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(stored.document().originalName(), StandardCharsets.UTF_8).build().toString())
                .body(stored.content());
    }
}

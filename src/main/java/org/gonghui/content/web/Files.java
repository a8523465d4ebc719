package org.gonghui.content.web;

import java.nio.charset.StandardCharsets;
import org.gonghui.content.ArticleFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An article's cover shown in the page, its files downloaded under their own (cleaned) names. */
final class Files {

    private Files() {
    }

    static ResponseEntity<byte[]> inline(ArticleFile file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType())).body(file.content());
    }

    static ResponseEntity<byte[]> attachment(ArticleFile file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}

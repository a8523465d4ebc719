package org.gonghui.card.web;

import java.nio.charset.StandardCharsets;
import org.gonghui.card.merchant.MerchantDocuments;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A merchant's documents (licence, contract, other) on the merchant's own page ({@code /merchant/card/outlets}) and
 * on the console's merchant page: upload, and open inline (never cached, never sniffed; audit-logged).
 */
@Controller
class MerchantDocumentsController {

    private static final String OWN = "/merchant/card/outlets";
    private static final String CONSOLE = "/console/card/merchants";

    private final MerchantDocuments documents;
    private final ConsoleActions actions;

    MerchantDocumentsController(MerchantDocuments documents, ConsoleActions actions) {
        this.documents = documents;
        this.actions = actions;
    }

    @PostMapping("/merchant/card/documents")
    String uploadOwn(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes r) {
        return actions.run(r, OWN, () -> documents.upload(user, 0, kind(kind), file));
    }

    @GetMapping("/merchant/card/documents/{document}")
    ResponseEntity<byte[]> openOwn(@AuthenticationPrincipal CurrentUser user, @PathVariable long document) {
        return inline(documents.open(user, 0, document));
    }

    @PostMapping(CONSOLE + "/{id}/documents")
    String upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
            RedirectAttributes r) {
        return actions.run(r, CONSOLE + "/" + id, () -> documents.upload(user, id, kind(kind), file));
    }

    @GetMapping(CONSOLE + "/{id}/documents/{document}")
    ResponseEntity<byte[]> open(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long document) {
        return inline(documents.open(user, id, document));
    }

    static MerchantDocuments.Kind kind(String text) {
        try {
            return MerchantDocuments.Kind.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("card.merchant.document.kind-invalid");
        }
    }

    static ResponseEntity<byte[]> inline(MerchantDocuments.Content content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(content.document().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(content.bytes());
    }
}

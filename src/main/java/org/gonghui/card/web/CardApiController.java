package org.gonghui.card.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.gonghui.card.CardHistoryLine;
import org.gonghui.card.CardIssuance;
import org.gonghui.card.CardQuery;
import org.gonghui.card.CardRow;
import org.gonghui.card.CardSearch;
import org.gonghui.card.CardStatus;
import org.gonghui.card.CardVersion;
import org.gonghui.card.CardView;
import org.gonghui.card.Cards;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cards for apps and counters: staff search their subtree's cards, read one with its history, act on it
 * (activate, report lost, replace, upgrade, cancel) and import the bank's issuance file. A card of a member
 * outside the caller's subtree is "not found"; members and merchants are refused.
 */
@RestController
@RequestMapping("/api/v1/card")
@Tag(name = "Card", description = "The 5·1 service card: staff search, history, counter actions, the bank's issuance file")
@SecurityRequirement(name = "bearer")
class CardApiController {

    private final Cards cards;
    private final CardSearch search;
    private final CardIssuance issuance;

    CardApiController(Cards cards, CardSearch search, CardIssuance issuance) {
        this.cards = cards;
        this.search = search;
        this.issuance = issuance;
    }

    @GetMapping("/cards")
    @Operation(summary = "Cards of the caller's subtree, newest first: by the last four digits, the beginning of the "
            + "holder's name, status, version")
    PageResult<CardRow> search(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @Size(max = 4) String suffix,
            @RequestParam(required = false) @Size(max = 50) String name,
            @RequestParam(required = false) CardStatus status, @RequestParam(required = false) CardVersion version,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return search.search(TreePath.scopeOf(user), new CardQuery(suffix, name, status, version), page, size);
    }

    /** A card and its history. */
    record CardDetails(CardView card, List<CardHistoryLine> history) {
    }

    @GetMapping("/cards/{id}")
    @Operation(summary = "A card (number masked) with its history")
    CardDetails card(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        TreePath scope = TreePath.scopeOf(user);
        return new CardDetails(cards.find(scope, id), cards.history(scope, id));
    }

    /** Why (written to the card's history). */
    record Reason(@Size(max = 200) String reason) {
    }

    @PostMapping("/cards/{id}/activate")
    @Operation(summary = "Activate an issued card, or a card reported lost that was found")
    CardView activate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Reason body) {
        return cards.activate(TreePath.scopeOf(user), id, body.reason());
    }

    @PostMapping("/cards/{id}/report-lost")
    @Operation(summary = "Report a card lost: neither it nor its dynamic code can be used until found or replaced")
    CardView reportLost(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Reason body) {
        return cards.reportLost(TreePath.scopeOf(user), id, body.reason());
    }

    @PostMapping("/cards/{id}/upgrade")
    @Operation(summary = "Upgrade a 2.0 card to 3.0 (transit payment and 蓝领通 loans), same number")
    CardView upgrade(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Reason body) {
        return cards.upgrade(TreePath.scopeOf(user), id, body.reason());
    }

    @PostMapping("/cards/{id}/cancel")
    @Operation(summary = "Cancel a card for good")
    CardView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Reason body) {
        return cards.cancel(TreePath.scopeOf(user), id, body.reason());
    }

    /** The new number the bank issued (16–19 digits, Luhn-checked) and why. */
    record Replacement(@NotBlank @Size(max = 23) String number, @Size(max = 200) String reason) {
    }

    @PostMapping("/cards/{id}/replace")
    @Operation(summary = "Replace a card by the bank's new number: the old one REPLACED, the new one ACTIVE, same version")
    CardView replace(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Replacement body) {
        return cards.replace(TreePath.scopeOf(user), id, body.number(), body.reason());
    }

    @PostMapping(value = "/issuance", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import the bank's issuance file (CSV in UTF-8 or GBK, or Excel; format in docs/card.md): "
            + "every line or none; 422 lists every bad line with its reasons")
    ResponseEntity<ImportReport> importIssuance(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) MultipartFile file) {
        ImportReport report = issuance.importFile(user, file);
        return ResponseEntity.status(report.succeeded() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}

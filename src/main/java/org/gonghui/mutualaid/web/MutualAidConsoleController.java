package org.gonghui.mutualaid.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.mutualaid.ClaimDetails;
import org.gonghui.mutualaid.ClaimFilter;
import org.gonghui.mutualaid.ClaimReview;
import org.gonghui.mutualaid.ClaimStatus;
import org.gonghui.mutualaid.ClaimSummary;
import org.gonghui.mutualaid.Claims;
import org.gonghui.mutualaid.DocumentType;
import org.gonghui.mutualaid.Money;
import org.gonghui.mutualaid.Plans;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reviewers' console: the claim queue of the staff user's subtree with filters and ageing, the review
 * screen (documents beside the computed amount and its explanation) and the Excel export.
 */
@Controller
@RequestMapping("/console/mutual-aid")
class MutualAidConsoleController {

    private final Claims claims;
    private final ClaimReview review;
    private final Plans plans;
    private final ConsoleActions actions;
    private final PlatformTime time;

    MutualAidConsoleController(Claims claims, ClaimReview review, Plans plans, ConsoleActions actions, PlatformTime time) {
        this.time = time;
        this.claims = claims;
        this.review = review;
        this.plans = plans;
        this.actions = actions;
    }

    @GetMapping
    String index() {
        return "redirect:/console/mutual-aid/claims";
    }

    @GetMapping("/claims")
    String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) String project, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer minAge,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ClaimFilter filter = new ClaimFilter(status, blank(project), year, orgId, minAge);
        model.addAttribute("filter", filter);
        model.addAttribute("page", claims.queue(user, filter, page, 20));
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("years", plans.years());
        model.addAttribute("baseUrl", link("/console/mutual-aid/claims", filter));
        model.addAttribute("exportUrl", link("/console/mutual-aid/claims/export", filter));
        return "mutualaid/console/queue";
    }

    @GetMapping("/claims/export")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) String project, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer minAge,
            HttpServletResponse response) throws IOException {
        ClaimFilter filter = new ClaimFilter(status, blank(project), year, orgId, minAge);
        List<List<?>> rows = new ArrayList<>();
        for (int page = 0; page < 500; page++) {
            PageResult<ClaimSummary> result = claims.queue(user, filter, page, PageResult.MAX_SIZE);
            for (ClaimSummary c : result.items()) {
                rows.add(List.of(c.claimNo(), msg("mutualaid.project." + c.project()), c.coverYear().label(), c.hospital(),
                        msg("mutualaid.status." + c.status()), c.amount() == null ? BigDecimal.ZERO : c.amount().amount(),
                        time.dateTime(c.submittedAt()), c.ageDays()));
            }
            if (!result.hasNext()) {
                break;
            }
        }
        ImportReports.excelAttachment(response, "claims-" + time.today() + ".xlsx");
        Spreadsheets.write(response.getOutputStream(), "claims", List.of(msg("mutualaid.claim.no"),
                msg("mutualaid.project"), msg("mutualaid.cover-year"), msg("mutualaid.claim.hospital"),
                msg("mutualaid.claim.status"), msg("mutualaid.claim.amount"), msg("mutualaid.claim.submitted-at"),
                msg("mutualaid.claim.age")), rows);
    }

    @GetMapping("/claims/{id}")
    String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ClaimDetails details = claims.details(user, id);
        model.addAttribute("details", details);
        model.addAttribute("member", claims.memberOf(details.claim()));
        model.addAttribute("plan", plans.require(details.claim().project(), details.claim().coverYear()));
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("defaultDeadline", time.today().plusDays(15));
        return "mutualaid/console/review";
    }

    @GetMapping("/claims/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long documentId) {
        return Documents.inline(claims.openDocument(user, id, documentId));
    }

    @PostMapping("/claims/{id}/accept")
    String accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> review.accept(user, id, version));
    }

    @PostMapping("/claims/{id}/request")
    String request(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) List<DocumentType> items,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> review.requestDocuments(user, id, version, items, note, deadline));
    }

    @PostMapping("/claims/{id}/adjust")
    String adjust(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) BigDecimal amount,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> review.adjust(user, id, version, amount == null ? null : new Money(amount),
                reason == null ? "" : reason));
    }

    @PostMapping("/claims/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) String documentsOverride,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> review.approve(user, id, version, documentsOverride));
    }

    @PostMapping("/claims/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> review.reject(user, id, version, reason == null ? "" : reason));
    }

    /** Runs a review action; a concurrent change by another reviewer becomes a flashed reason, not an error page. */
    private String act(long id, RedirectAttributes redirect, Runnable action) {
        return actions.run(redirect, "/console/mutual-aid/claims/" + id, () -> {
            try {
                action.run();
            } catch (OptimisticLockingFailureException e) {
                throw DomainException.conflict("error.concurrent-change");
            }
        });
    }

    private static String link(String path, ClaimFilter filter) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("status", java.util.Optional.ofNullable(filter.status()))
                .queryParamIfPresent("project", java.util.Optional.ofNullable(filter.project()))
                .queryParamIfPresent("year", java.util.Optional.ofNullable(filter.coverYear()))
                .queryParamIfPresent("orgId", java.util.Optional.ofNullable(filter.orgId()))
                .queryParamIfPresent("minAge", java.util.Optional.ofNullable(filter.minAgeDays()))
                .build().encode().toUriString();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private String msg(String code) {
        return actions.message(code);
    }
}

package org.gonghui.aid.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.aid.AidFigures;
import org.gonghui.aid.grant.AidKind;
import org.gonghui.aid.grant.AidLists;
import org.gonghui.aid.grant.AidSettings;
import org.gonghui.aid.grant.Budgets;
import org.gonghui.aid.grant.GrantReview;
import org.gonghui.aid.grant.GrantStatus;
import org.gonghui.aid.grant.GrantView;
import org.gonghui.aid.grant.Grants;
import org.gonghui.hardship.HardshipArchives;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Aid in the console: the year's figures and budgets of the subtree (set for the organisations below), the grants
 * waiting for a check or an approval, and one grant with its timeline, the member's standing now and the decisions.
 */
@Controller
@RequestMapping("/console/aid")
class AidConsoleController {

    private final Grants grants;
    private final GrantReview review;
    private final Budgets budgets;
    private final AidLists lists;
    private final AidFigures figures;
    private final AidSettings settings;
    private final HardshipArchives archives;
    private final Organisations organisations;
    private final ConsoleActions actions;
    private final PlatformTime time;

    AidConsoleController(Grants grants, GrantReview review, Budgets budgets, AidLists lists, AidFigures figures,
            AidSettings settings, HardshipArchives archives, Organisations organisations, ConsoleActions actions,
            PlatformTime time) {
        this.grants = grants;
        this.review = review;
        this.budgets = budgets;
        this.lists = lists;
        this.figures = figures;
        this.settings = settings;
        this.archives = archives;
        this.organisations = organisations;
        this.actions = actions;
        this.time = time;
    }

    int year(Integer year) {
        return year == null || year < 2000 || year > 2100 ? time.today().getYear() : year;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int shown = year(year);
        model.addAttribute("year", shown);
        model.addAttribute("figures", figures.of(TreePath.scopeOf(user), shown));
        model.addAttribute("budgets", budgets.list(user, shown));
        model.addAttribute("kinds", AidKind.values());
        List<OrganisationView> orgs = new ArrayList<>();
        organisations.find(user.orgId()).ifPresent(orgs::add);
        orgs.addAll(organisations.children(user.orgId()));
        model.addAttribute("organisations", orgs);
        model.addAttribute("secondApprovalAbove", settings.secondApprovalAbove());
        return "aid/console/overview";
    }

    @PostMapping("/budgets")
    String setBudget(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") long orgId,
            @RequestParam(required = false) AidKind kind, @RequestParam(defaultValue = "0") int year,
            @RequestParam(required = false) BigDecimal amount, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/aid?year=" + year, () -> budgets.set(user, orgId, kind, year, amount));
    }

    @GetMapping("/grants")
    String grants(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) GrantStatus status,
            @RequestParam(required = false) AidKind kind, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", grants.search(user, status, kind, page, 50));
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("statuses", GrantStatus.values());
        model.addAttribute("kinds", AidKind.values());
        model.addAttribute("baseUrl", "/console/aid/grants?status=" + (status == null ? "" : status.name())
                + "&kind=" + (kind == null ? "" : kind.name()));
        return "aid/console/grants";
    }

    @GetMapping("/grants/export")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) GrantStatus status,
            @RequestParam(required = false) AidKind kind, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        grants.export(user, status, kind, out, code -> actions.message(code));
        ImportReports.excelAttachment(response, "aid-grants.xlsx");
        response.getOutputStream().write(out.toByteArray());
    }

    @GetMapping("/grants/{id}")
    String grant(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        GrantView grant = grants.inScope(user, id);
        model.addAttribute("grant", grant);
        model.addAttribute("reason", grant.statusReason() == null ? null : lists.reason(grant.statusReason()));
        model.addAttribute("timeline", grants.timeline(id));
        model.addAttribute("reasons", lists);
        model.addAttribute("standing", archives.current(grant.memberId()).orElse(null));
        model.addAttribute("secondApprovalAbove", settings.secondApprovalAbove());
        return "aid/console/grant";
    }

    @PostMapping("/grants/{id}/reveal")
    String reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("childId", grants.revealChildId(user, id));
        return grant(user, id, model);
    }

    @PostMapping("/grants/{id}/check")
    String check(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) BigDecimal amount, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/console/aid/grants/" + id, () -> review.check(user, id, version, amount, note));
    }

    @PostMapping("/grants/{id}/approve")
    String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/aid/grants/" + id, () -> review.approve(user, id, version));
    }

    @PostMapping("/grants/{id}/reject")
    String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/console/aid/grants/" + id, () -> review.reject(user, id, version, reason));
    }

    @PostMapping("/grants/{id}/hand-out")
    String handOut(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/aid/grants/" + id, () -> review.handOut(user, id, version));
    }
}

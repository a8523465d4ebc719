package org.gonghui.helpdesk.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.gonghui.helpdesk.DeskFigures;
import org.gonghui.helpdesk.HelpdeskExports;
import org.gonghui.helpdesk.HelpdeskFigures;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ImportReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The help desk's figures in the console — the district head's view: a line per child organisation with its red
 * and yellow requests, the breakdowns by type, channel and light, the red requests by level — and the Excel
 * exports of the figures and of the requests behind them.
 */
@Controller
@RequestMapping("/console/helpdesk")
class HelpdeskFiguresConsoleController {

    private final HelpdeskFigures figures;
    private final HelpdeskExports exports;
    private final Organisations organisations;
    private final PlatformTime time;

    HelpdeskFiguresConsoleController(HelpdeskFigures figures, HelpdeskExports exports, Organisations organisations,
            PlatformTime time) {
        this.figures = figures;
        this.exports = exports;
        this.organisations = organisations;
        this.time = time;
    }

    @GetMapping("/figures")
    String figures(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        DeskFigures f = figures.figures(user, orgId, from, to);
        TreePath userScope = TreePath.scopeOf(user);
        model.addAttribute("f", f);
        model.addAttribute("lineage", organisations.lineage(organisations.find(f.orgId()).orElseThrow()).stream()
                .filter(o -> userScope.contains(o.path())).toList());
        model.addAttribute("query", query(f));
        model.addAttribute("today", time.today());
        return "helpdesk/console/figures";
    }

    @GetMapping("/figures.xlsx")
    void figuresSheet(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        HelpdeskExports.Selection selection = exports.check(user, orgId, from, to);
        ImportReports.excelAttachment(response, "helpdesk-figures-" + selection.from() + "-" + selection.to() + ".xlsx");
        exports.figures(user, selection, response.getOutputStream());
    }

    @GetMapping("/requests.xlsx")
    void requestsSheet(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        HelpdeskExports.Selection selection = exports.checkRequests(user, orgId, from, to);
        ImportReports.excelAttachment(response, "helpdesk-requests-" + selection.from() + "-" + selection.to() + ".xlsx");
        exports.requests(selection, response.getOutputStream());
    }

    /** The query string that keeps the period (and the organisation) for links and exports. */
    private static String query(DeskFigures f) {
        return UriComponentsBuilder.newInstance().queryParam("orgId", f.orgId()).queryParam("from", f.from())
                .queryParam("to", f.to()).build().getQuery();
    }
}

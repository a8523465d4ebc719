package org.gonghui.stats.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
import org.gonghui.stats.Dashboard;
import org.gonghui.stats.Dashboards;
import org.gonghui.stats.FigureChildren;
import org.gonghui.stats.FigureLabels;
import org.gonghui.stats.FigureRefresh;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * The 数说 dashboards in the console: an organisation's figures for a year against the year before (also as a
 * full-screen dark {@code ?wall} layout), each figure's drill-down to the child organisations, the printable yearly
 * report and its workbook; for the city admin, "refresh now" and "freeze year".
 */
@Controller
@RequestMapping("/console/dashboard")
class DashboardConsoleController {

    private static final int YEARS_OFFERED = 6;

    private final Dashboards dashboards;
    private final FigureRefresh refresh;
    private final Organisations organisations;
    private final DashboardWorkbook workbook;
    private final ConsoleActions actions;
    private final PlatformTime time;
    private final FigureLabels labels;
    private final ReportTexts texts;

    DashboardConsoleController(Dashboards dashboards, FigureRefresh refresh, Organisations organisations,
            DashboardWorkbook workbook, ConsoleActions actions, PlatformTime time, FigureLabels labels,
            ReportTexts texts) {
        this.labels = labels;
        this.texts = texts;
        this.dashboards = dashboards;
        this.refresh = refresh;
        this.organisations = organisations;
        this.workbook = workbook;
        this.actions = actions;
        this.time = time;
    }

    @GetMapping
    String own(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String wall, Model model) {
        return page(user, null, year, wall != null, model);
    }

    @GetMapping("/{orgId}")
    String dashboard(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) String wall, Model model) {
        return page(user, orgId, year, wall != null, model);
    }

    private String page(CurrentUser user, Long orgId, Integer year, boolean wall, Model model) {
        Dashboard d = dashboards.dashboard(user, orgId, year);
        common(user, d.orgId(), d.year(), model);
        model.addAttribute("d", d);
        model.addAttribute("wall", wall);
        model.addAttribute("cityAdmin", FigureRefresh.isCityAdmin(user));
        return "stats/dashboard";
    }

    @GetMapping("/{orgId}/figure/{key}")
    String figure(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId, @PathVariable String key,
            @RequestParam(required = false) Integer year, Model model) {
        FigureChildren c = dashboards.children(user, orgId, key, year);
        common(user, c.orgId(), c.year(), model);
        model.addAttribute("c", c);
        // page titles are fragment parameters, where Thymeleaf allows no bean calls: computed here
        model.addAttribute("pageTitle", labels.figure(c.total().key(), LocaleContextHolder.getLocale()));
        model.addAttribute("childCounts", organisations.childCounts(c.children().stream()
                .map(FigureChildren.Child::orgId).toList()));
        return "stats/figure";
    }

    @GetMapping("/{orgId}/report")
    String report(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId,
            @RequestParam(required = false) Integer year, Model model) {
        Dashboard d = dashboards.dashboard(user, orgId, year);
        model.addAttribute("d", d);
        model.addAttribute("children", dashboards.childrenFigures(user, d.orgId(), d.year()));
        model.addAttribute("printedAt", time.now());
        model.addAttribute("pageTitle", texts.title(d));
        return "stats/report";
    }

    @GetMapping("/{orgId}/report.xlsx")
    void reportWorkbook(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId,
            @RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        Dashboard d = dashboards.dashboard(user, orgId, year);
        var children = dashboards.childrenFigures(user, d.orgId(), d.year());
        ImportReports.excelAttachment(response, "dashboard-" + d.orgId() + "-" + d.year() + ".xlsx");
        workbook.write(d, children, response.getOutputStream());
    }

    @PostMapping("/refresh")
    String refreshNow(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/dashboard", () -> refresh.refreshNow(user));
    }

    @PostMapping("/freeze")
    String freeze(@AuthenticationPrincipal CurrentUser user, @RequestParam int year, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/dashboard?year=" + year, () -> refresh.freeze(user, year));
    }

    /** The breadcrumbs (within the user's scope) and the years to choose from. */
    private void common(CurrentUser user, long orgId, int year, Model model) {
        TreePath scope = TreePath.scopeOf(user);
        OrganisationView org = organisations.find(orgId).orElseThrow();
        model.addAttribute("lineage", organisations.lineage(org).stream().filter(o -> scope.contains(o.path())).toList());
        int current = time.today().getYear();
        int first = Math.max(Dashboards.FIRST_YEAR, current - YEARS_OFFERED + 1);
        List<Integer> years = new ArrayList<>(IntStream.rangeClosed(first, current).map(y -> current + first - y)
                .boxed().toList());
        if (!years.contains(year)) {
            years.add(year);
        }
        model.addAttribute("years", years);
        model.addAttribute("freezable", years.stream().filter(y -> y < current).toList());
    }
}

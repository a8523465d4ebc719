package org.gonghui.stats.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.stats.Dashboard;
import org.gonghui.stats.Dashboards;
import org.gonghui.stats.FigureChildren;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The 数说 dashboards for staff front ends (the same numbers as the console's pages, report and workbook). */
@RestController
@RequestMapping("/api/v1/dashboards")
@Tag(name = "Dashboards", description = "数说: every organisation's yearly figures over its subtree, against the year before")
@SecurityRequirement(name = "bearer")
class DashboardApiController {

    private final Dashboards dashboards;

    DashboardApiController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/{orgId}")
    @Operation(summary = "An organisation's figures for a year and the year before, by section: counts, amounts in fen, "
            + "ratios as fractions; whether each year is frozen (since when) or live (as of when). Staff only, within "
            + "their own subtree")
    Dashboard dashboard(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId,
            @Parameter(description = "the calendar year (default: this year)") @RequestParam(required = false) Integer year) {
        return dashboards.dashboard(user, orgId, year);
    }

    @GetMapping("/{orgId}/figures/{key}")
    @Operation(summary = "One figure of an organisation's subtree and of each of its child organisations, for a year "
            + "and the year before")
    FigureChildren figure(@AuthenticationPrincipal CurrentUser user, @PathVariable long orgId, @PathVariable String key,
            @Parameter(description = "the calendar year (default: this year)") @RequestParam(required = false) Integer year) {
        return dashboards.children(user, orgId, key, year);
    }
}

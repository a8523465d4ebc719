package org.gonghui.helpdesk.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.gonghui.helpdesk.DeskFigures;
import org.gonghui.helpdesk.HelpdeskFigures;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The help desk's figures for staff front ends and dashboards (the same as the console's and its Excel export). */
@RestController
@RequestMapping("/api/v1/helpdesk")
@Tag(name = "Help desk", description = "12351: help and rights requests, their chain between the four levels")
@SecurityRequirement(name = "bearer")
class HelpdeskFiguresApiController {

    private final HelpdeskFigures figures;

    HelpdeskFiguresApiController(HelpdeskFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/figures")
    @Operation(summary = "Figures of an organisation's subtree for the requests received in a period: received, open, "
            + "closed, closed on time, average working days to close, satisfaction; by type, channel, current light and "
            + "child organisation; the requests red now by level. Staff only, within their own subtree")
    DeskFigures figures(@AuthenticationPrincipal CurrentUser user,
            @Parameter(description = "the subtree's organisation (default: the user's own)")
            @RequestParam(required = false) Long orgId,
            @Parameter(description = "first day of receipt, in the platform's zone (default: 1 January of the year of `to`)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day of receipt, included (default: today)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures.figures(user, orgId, from, to);
    }
}

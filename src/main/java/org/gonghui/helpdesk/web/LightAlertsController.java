package org.gonghui.helpdesk.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.gonghui.helpdesk.LightAlertView;
import org.gonghui.helpdesk.LightAlerts;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The handling organisation's traffic-light alerts: in the console (a tab with the unseen count) and in the API. */
final class LightAlertsController {

    private static final int SHOWN = 100;

    private LightAlertsController() {
    }

    @Controller
    @RequestMapping("/console/helpdesk/alerts")
    static class Console {

        private final LightAlerts alerts;

        Console(LightAlerts alerts) {
            this.alerts = alerts;
        }

        @GetMapping
        String list(@AuthenticationPrincipal CurrentUser user, Model model) {
            model.addAttribute("alerts", alerts.recent(user, SHOWN));
            return "helpdesk/console/alerts";
        }

        @PostMapping("/seen")
        String seen(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
            alerts.markAllSeen(user);
            return "redirect:/console/helpdesk/alerts";
        }
    }

    @RestController
    @RequestMapping("/api/v1/helpdesk/alerts")
    @Tag(name = "Help desk", description = "12351: help and rights requests, their chain between the four levels")
    @SecurityRequirement(name = "bearer")
    static class Api {

        private final LightAlerts alerts;

        Api(LightAlerts alerts) {
            this.alerts = alerts;
        }

        @GetMapping
        @Operation(summary = "Traffic-light alerts of the caller's organisation (each change of colour of a request it "
                + "handles), unseen first, then the latest seen; staff only")
        List<LightAlertView> list(@AuthenticationPrincipal CurrentUser user) {
            return alerts.recent(user, SHOWN);
        }

        @PostMapping("/seen")
        @Operation(summary = "Marks every unseen alert of the caller's organisation seen; answers how many")
        Map<String, Integer> seen(@AuthenticationPrincipal CurrentUser user) {
            return Map.of("marked", alerts.markAllSeen(user));
        }
    }
}

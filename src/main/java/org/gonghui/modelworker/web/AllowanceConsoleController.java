package org.gonghui.modelworker.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.modelworker.allowance.AllowancePeriod;
import org.gonghui.modelworker.allowance.AllowanceRuns;
import org.gonghui.modelworker.allowance.AllowanceSchedules;
import org.gonghui.modelworker.allowance.RunView;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Honour allowances in the console: the schedules (versions per level) and the monthly runs of the subtree. */
@Controller
@RequestMapping("/console/model-workers/allowances")
class AllowanceConsoleController {

    private final AllowanceSchedules schedules;
    private final AllowanceRuns runs;
    private final ConsoleActions actions;
    private final PlatformTime time;

    AllowanceConsoleController(AllowanceSchedules schedules, AllowanceRuns runs, ConsoleActions actions, PlatformTime time) {
        this.schedules = schedules;
        this.runs = runs;
        this.actions = actions;
        this.time = time;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("versions", schedules.all());
        model.addAttribute("levels", ModelWorkerLevel.values());
        model.addAttribute("periods", AllowancePeriod.values());
        model.addAttribute("runs", runs.runs(user, page, 24));
        model.addAttribute("thisMonth", YearMonth.now(time.clock()));
        model.addAttribute("today", time.today());
        model.addAttribute("baseUrl", "/console/model-workers/allowances");
        return "modelworker/console/allowances";
    }

    @PostMapping("/runs")
    String run(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) YearMonth month,
            RedirectAttributes redirect) {
        try {
            RunView run = runs.run(user, month);
            redirect.addFlashAttribute("notice", actions.message("modelworker.run.done", run.month().toString(),
                    run.entitled(), run.amount().toPlainString(), run.held(), run.already()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:/console/model-workers/allowances";
    }

    @PostMapping("/schedules")
    String add(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ModelWorkerLevel level,
            @RequestParam(required = false) YearMonth from, @RequestParam(required = false) AllowancePeriod period,
            @RequestParam(required = false) BigDecimal amount, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        LocalDate validFrom = from == null ? null : from.atDay(1);
        return actions.run(redirect, "/console/model-workers/allowances",
                () -> schedules.add(user, level, validFrom, period, amount, note));
    }

    @PostMapping("/schedules/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/model-workers/allowances", () -> schedules.delete(user, id));
    }
}

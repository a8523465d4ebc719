package org.gonghui.modelworker.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.gonghui.modelworker.ModelWorkerFigures;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.modelworker.allowance.AllowancePeriod;
import org.gonghui.modelworker.allowance.AllowanceRuns;
import org.gonghui.modelworker.allowance.AllowanceSchedules;
import org.gonghui.modelworker.allowance.RunView;
import org.gonghui.modelworker.allowance.ScheduleVersion;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Honour allowances for apps: schedules, monthly runs, and the figures of the caller's subtree. */
@RestController
@RequestMapping("/api/v1/model-workers")
@Tag(name = "Model workers")
@SecurityRequirement(name = "bearer")
class AllowanceApiController {

    private final AllowanceSchedules schedules;
    private final AllowanceRuns runs;
    private final ModelWorkerFigures figures;

    AllowanceApiController(AllowanceSchedules schedules, AllowanceRuns runs, ModelWorkerFigures figures) {
        this.schedules = schedules;
        this.runs = runs;
        this.figures = figures;
    }

    @GetMapping("/schedules")
    @Operation(summary = "Every allowance schedule version, by level and first month")
    List<ScheduleVersion> schedules(@AuthenticationPrincipal CurrentUser user) {
        TreePath.scopeOf(user);
        return schedules.all();
    }

    /** A schedule version from the first day of {@code from}. */
    record NewVersion(@NotNull ModelWorkerLevel level,
            @NotNull @Pattern(regexp = MONTH) String from,
            @NotNull AllowancePeriod period, @NotNull BigDecimal amount, @Size(max = 200) String note) {
    }

    /** A month as {@code yyyy-MM}. */
    static final String MONTH = "(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])";

    @PostMapping("/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a schedule version (city federation administrators; not in a month already run)")
    ScheduleVersion add(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewVersion body) {
        return schedules.add(user, body.level(), YearMonth.parse(body.from()).atDay(1), body.period(), body.amount(), body.note());
    }

    /** The month to run. */
    record NewRun(@NotNull @Pattern(regexp = MONTH) String month) {
    }

    @PostMapping("/allowance-runs")
    @Operation(summary = "Runs a month's allowances for the administrator's subtree: entitled in the payment engine "
            + "(programme MODEL_ALLOWANCE) or held; running a month again pays nobody twice")
    RunView run(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewRun body) {
        return runs.run(user, YearMonth.parse(body.month()));
    }

    @GetMapping("/allowance-runs")
    @Operation(summary = "The runs of the caller's subtree, newest first")
    PageResult<RunView> runs(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return runs.runs(user, page, size);
    }

    @GetMapping("/figures")
    @Operation(summary = "Model workers per level and allowances entitled and paid in the year, for the caller's subtree")
    ModelWorkerFigures.Figures figures(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
        return figures.of(TreePath.scopeOf(user), year);
    }
}

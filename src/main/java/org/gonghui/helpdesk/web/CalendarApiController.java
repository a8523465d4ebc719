package org.gonghui.helpdesk.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.helpdesk.CalendarDay;
import org.gonghui.helpdesk.CalendarManagement;
import org.gonghui.helpdesk.TimeLimitVersion;
import org.gonghui.helpdesk.TimeLimits;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The working calendar and the time limits for staff apps: every staff user reads, the city's admins write. */
@RestController
@RequestMapping("/api/v1/helpdesk")
@Tag(name = "Help desk clocks", description = "Working calendar (holidays, make-up working days) and time limits")
@SecurityRequirement(name = "bearer")
class CalendarApiController {

    private final CalendarManagement calendar;
    private final TimeLimits timeLimits;

    CalendarApiController(CalendarManagement calendar, TimeLimits timeLimits) {
        this.calendar = calendar;
        this.timeLimits = timeLimits;
    }

    /** A year's listed days: any other Saturday or Sunday is a rest day, any other day a working day. */
    record CalendarYear(int year, List<Day> days) {
    }

    /** A holiday or make-up working day. */
    record Day(LocalDate day, CalendarDay.Kind kind, @Size(max = CalendarDay.MAX_NAME) String name) {
    }

    /** The list that replaces a year's days. */
    record Days(@Size(max = 400) List<Day> days) {
    }

    @GetMapping("/calendar/{year}")
    @Operation(summary = "A year's statutory holidays and make-up working days")
    CalendarYear year(@AuthenticationPrincipal CurrentUser user, @PathVariable int year) {
        return view(year, calendar.year(user, year));
    }

    @PutMapping("/calendar/{year}")
    @Operation(summary = "Replace a year's holidays and make-up working days (city admins; all or nothing)")
    CalendarYear replace(@AuthenticationPrincipal CurrentUser user, @PathVariable int year, @RequestBody Days body) {
        TreePath.scopeOf(user);
        if (body.days() == null) {
            throw DomainException.invalid("helpdesk.calendar.day.required");
        }
        List<CalendarDay> entries = new ArrayList<>();
        for (Day day : body.days()) {
            if (day == null) {
                throw DomainException.invalid("helpdesk.calendar.day.required");
            }
            List<String> problems = CalendarDay.problems(day.day(), day.kind(), day.name());
            if (!problems.isEmpty()) {
                throw DomainException.invalid(problems.get(0), String.valueOf(CalendarDay.MAX_NAME));
            }
            entries.add(new CalendarDay(day.day(), day.kind(), day.name()));
        }
        return view(year, calendar.replaceYear(user, year, entries));
    }

    @GetMapping("/time-limits")
    @Operation(summary = "Every version of the time limits, the latest start first")
    List<TimeLimitVersion> timeLimits(@AuthenticationPrincipal CurrentUser user) {
        TreePath.scopeOf(user);
        return timeLimits.versions();
    }

    private static CalendarYear view(int year, List<CalendarDay> days) {
        return new CalendarYear(year, days.stream().map(d -> new Day(d.day(), d.kind(), d.name())).toList());
    }
}

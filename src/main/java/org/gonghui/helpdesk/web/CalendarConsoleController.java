package org.gonghui.helpdesk.web;

import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.helpdesk.CalendarDay;
import org.gonghui.helpdesk.CalendarManagement;
import org.gonghui.helpdesk.CityAdmins;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working calendar in the console: a year's holidays and make-up working days for every staff user; adding,
 * changing, removing and importing days for the city's admins.
 */
@Controller
@RequestMapping("/console/helpdesk/calendar")
class CalendarConsoleController {

    private final CalendarManagement calendar;
    private final ConsoleActions actions;
    private final PlatformTime time;

    CalendarConsoleController(CalendarManagement calendar, ConsoleActions actions, PlatformTime time) {
        this.calendar = calendar;
        this.actions = actions;
        this.time = time;
    }

    @GetMapping
    String year(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? time.today().getYear() : year;
        List<CalendarDay> days = calendar.year(user, shown);
        model.addAttribute("year", shown);
        model.addAttribute("days", days);
        model.addAttribute("holidays", days.stream().filter(d -> !d.isWorking()).count());
        model.addAttribute("workdays", days.stream().filter(CalendarDay::isWorking).count());
        model.addAttribute("kinds", CalendarDay.Kind.values());
        model.addAttribute("mayEdit", CityAdmins.is(user));
        return "helpdesk/console/calendar";
    }

    @PostMapping("/days")
    String put(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String day,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        String back = "/console/helpdesk/calendar?year=" + yearOf(day);
        return actions.run(redirect, back, () -> calendar.put(user, CalendarForms.day(day), CalendarForms.kind(kind), name));
    }

    @PostMapping("/days/remove")
    String remove(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String day,
            RedirectAttributes redirect) {
        String back = "/console/helpdesk/calendar?year=" + yearOf(day);
        return actions.run(redirect, back, () -> calendar.remove(user, CalendarForms.day(day)));
    }

    @GetMapping("/import")
    String importForm(@AuthenticationPrincipal CurrentUser user) {
        CityAdmins.require(user);
        return "helpdesk/console/calendar-import";
    }

    @GetMapping("/import/template")
    ResponseEntity<byte[]> template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "calendar", calendar.header(), List.of(
                List.of("2027-01-01", actions.message("helpdesk.calendar.kind.HOLIDAY"), "元旦"),
                List.of("2027-02-06", actions.message("helpdesk.calendar.kind.WORKDAY"), "春节")));
        return ImportReports.excel(out.toByteArray(), "calendar-template.xlsx");
    }

    @PostMapping("/import")
    String importFile(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            HttpSession session, Model model) {
        CityAdmins.require(user);
        try {
            ImportReport report = calendar.importFile(user, file);
            model.addAttribute("report", report);
            if (!report.succeeded()) {
                model.addAttribute("errorsKey", ImportReports.keep(session, report.errorWorkbook(calendar.header(),
                        actions.message("import.row"), actions.message("import.reason"))));
            }
        } catch (DomainException e) {
            model.addAttribute("error", actions.reason(e));
        }
        return "helpdesk/console/calendar-import";
    }

    /** The year of the day typed, to show again after the change; this year when it is no date. */
    private int yearOf(String day) {
        try {
            LocalDate date = CalendarForms.day(day);
            if (date != null && date.getYear() >= CalendarDay.FIRST_YEAR && date.getYear() <= CalendarDay.LAST_YEAR) {
                return date.getYear();
            }
        } catch (DomainException e) {
            // shown by the action itself
        }
        return time.today().getYear();
    }
}

package org.gonghui.aid.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.aid.heat.HeatVisits;
import org.gonghui.aid.wish.WishStatus;
import org.gonghui.aid.wish.Wishes;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Micro-wishes and summer heat visits in the console: the wishes of the subtree (staff arrange the hand-over), open
 * wishes a unit claims; the organisation's heat visits, recorded singly or from Excel, signed off, exported.
 */
@Controller
@RequestMapping("/console/aid")
class AidCommunityConsoleController {

    private final Wishes wishes;
    private final HeatVisits heat;
    private final ConsoleActions actions;
    private final PlatformTime time;

    AidCommunityConsoleController(Wishes wishes, HeatVisits heat, ConsoleActions actions, PlatformTime time) {
        this.wishes = wishes;
        this.heat = heat;
        this.actions = actions;
        this.time = time;
    }

    @GetMapping("/wishes")
    String wishes(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) WishStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", wishes.inScope(user, status, page, 50));
        model.addAttribute("open", wishes.open(0, 50).items());
        model.addAttribute("status", status);
        model.addAttribute("statuses", WishStatus.values());
        model.addAttribute("baseUrl", "/console/aid/wishes?status=" + (status == null ? "" : status.name()));
        return "aid/console/wishes";
    }

    @PostMapping("/wishes/{id}/claim")
    String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String unitName, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/aid/wishes", () -> wishes.claimAsUnit(user, id, unitName));
    }

    int year(Integer year) {
        return year == null || year < 2000 || year > 2100 ? time.today().getYear() : year;
    }

    @GetMapping("/heat")
    String heat(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        int shown = year(year);
        model.addAttribute("year", shown);
        model.addAttribute("visits", heat.list(user, shown));
        model.addAttribute("today", time.today());
        return "aid/console/heat";
    }

    @PostMapping("/heat")
    String record(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(defaultValue = "") String groupName, @RequestParam(defaultValue = "") String site,
            @RequestParam(required = false) Integer headcount, @RequestParam(defaultValue = "") String items,
            @RequestParam(required = false) BigDecimal value, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/aid/heat",
                () -> heat.record(user, new HeatVisits.Visit(date, groupName, site, headcount, items, value)));
    }

    @PostMapping("/heat/import")
    String importVisits(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            HttpSession session, Model model) {
        try {
            ImportReport report = heat.importVisits(user, file);
            model.addAttribute("report", report);
            if (!report.succeeded()) {
                model.addAttribute("errorsKey", ImportReports.keep(session, report.errorWorkbook(heat.columns(),
                        actions.message("import.row"), actions.message("import.reason"))));
            }
        } catch (DomainException e) {
            model.addAttribute("importError", actions.reason(e));
        }
        return heat(user, null, model);
    }

    @PostMapping("/heat/{id}/sign-off")
    String signOff(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/aid/heat", () -> heat.signOff(user, id));
    }

    @GetMapping("/heat/template")
    ResponseEntity<byte[]> template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "heat", heat.columns(),
                List.of(List.of("2026-07-20", "环卫工人", "海曙区环卫所", "40", "绿豆汤、毛巾、清凉油", "1200.00")));
        return ImportReports.excel(out.toByteArray(), "heat-visits-template.xlsx");
    }

    @GetMapping("/heat/export")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            HttpServletResponse response) throws IOException {
        int shown = year(year);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        heat.export(user, shown, out);
        ImportReports.excelAttachment(response, "heat-visits-" + shown + ".xlsx");
        response.getOutputStream().write(out.toByteArray());
    }
}

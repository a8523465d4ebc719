package org.gonghui.card.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.gonghui.card.insurance.CardInsurance;
import org.gonghui.card.insurance.InsuranceTerms;
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
 * The card's insurance in the console: the year's policies of the subtree, enrolling a member or a unit's list
 * (the unit pays), and the export to the insurer (audit-logged).
 */
@Controller
@RequestMapping("/console/card/insurance")
class InsuranceConsoleController {

    private final CardInsurance insurance;
    private final InsuranceTerms terms;
    private final ConsoleActions actions;
    private final PlatformTime time;

    InsuranceConsoleController(CardInsurance insurance, InsuranceTerms terms, ConsoleActions actions, PlatformTime time) {
        this.insurance = insurance;
        this.terms = terms;
        this.actions = actions;
        this.time = time;
    }

    @GetMapping
    String year(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "0") int page, Model model) {
        int shown = year == null || year < 2000 || year > 2100 ? time.today().getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("premium", terms.premium());
        model.addAttribute("count", insurance.count(user, shown));
        model.addAttribute("page", insurance.list(user, shown, page, 50));
        model.addAttribute("baseUrl", "/console/card/insurance?year=" + shown);
        return "card/console/insurance";
    }

    @PostMapping("/enrol")
    String enrol(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String idNumber,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "0") int year,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/console/card/insurance?year=" + year,
                () -> insurance.enrolMember(user, idNumber, name, year));
    }

    @PostMapping("/import")
    String importList(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "0") int year, HttpSession session, Model model) {
        try {
            ImportReport report = insurance.importList(user, file, year);
            model.addAttribute("report", report);
            if (!report.succeeded()) {
                model.addAttribute("errorsKey", ImportReports.keep(session, report.errorWorkbook(insurance.listHeader(),
                        actions.message("import.row"), actions.message("import.reason"))));
            }
        } catch (DomainException e) {
            model.addAttribute("importError", actions.reason(e));
        }
        return year(user, year, 0, model);
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "members", insurance.listHeader(), List.of(List.of("330203199001011236", "张三")));
        return ImportReports.excel(out.toByteArray(), "insurance-list-template.xlsx");
    }

    @GetMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam int year, HttpServletResponse response)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        insurance.export(user, year, out);
        ImportReports.excelAttachment(response, "insurance-" + year + ".xlsx");
        response.getOutputStream().write(out.toByteArray());
    }
}

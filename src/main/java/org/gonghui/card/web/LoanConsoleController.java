package org.gonghui.card.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.gonghui.card.loan.CardLoans;
import org.gonghui.card.loan.LoanStatus;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 蓝领通 in the console: the subtree's applications by status, passing the new ones to the bank (an Excel download
 * that marks them referred) and importing the bank's decisions.
 */
@Controller
@RequestMapping("/console/card/loans")
class LoanConsoleController {

    private final CardLoans loans;
    private final ConsoleActions actions;

    LoanConsoleController(CardLoans loans, ConsoleActions actions) {
        this.loans = loans;
        this.actions = actions;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) LoanStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        LoanStatus shown = status == null ? LoanStatus.SUBMITTED : status;
        model.addAttribute("status", shown);
        model.addAttribute("statuses", LoanStatus.values());
        model.addAttribute("page", loans.list(user, shown, page, 50));
        model.addAttribute("baseUrl", "/console/card/loans?status=" + shown);
        return "card/console/loans";
    }

    /** A POST: the download changes the applications (they are now with the bank). */
    @PostMapping("/referrals")
    void refer(@AuthenticationPrincipal CurrentUser user, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        loans.refer(user, out);
        ImportReports.excelAttachment(response, "lantonglian-applications.xlsx");
        response.getOutputStream().write(out.toByteArray());
    }

    @PostMapping("/decisions")
    String decisions(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            HttpSession session, Model model) {
        try {
            ImportReport report = loans.importDecisions(user, file);
            model.addAttribute("report", report);
            if (!report.succeeded()) {
                model.addAttribute("errorsKey", ImportReports.keep(session, report.errorWorkbook(loans.decisionHeader(),
                        actions.message("import.row"), actions.message("import.reason"))));
            }
        } catch (DomainException e) {
            model.addAttribute("importError", actions.reason(e));
        }
        return list(user, LoanStatus.REFERRED, 0, model);
    }
}

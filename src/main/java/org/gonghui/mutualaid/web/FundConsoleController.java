package org.gonghui.mutualaid.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.mutualaid.CoverYear;
import org.gonghui.mutualaid.Enrolments;
import org.gonghui.mutualaid.Fund;
import org.gonghui.mutualaid.ClaimReview;
import org.gonghui.mutualaid.Plans;
import org.gonghui.mutualaid.UnitEnrolmentRequest;
import org.gonghui.mutualaid.UnitEnrolmentResult;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.Spreadsheets;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** Console pages for collective enrolment, the fund report and the plans; payouts are the payment engine's pages. */
@Controller
@RequestMapping("/console/mutual-aid")
class FundConsoleController {

    private final Enrolments enrolments;
    private final ClaimReview review;
    private final Fund fund;
    private final Plans plans;
    private final Organisations organisations;
    private final MessageSource messages;
    private final ConsoleActions actions;
    private final PlatformTime time;

    FundConsoleController(Enrolments enrolments, ClaimReview review, Fund fund, Plans plans, Organisations organisations,
            MessageSource messages, ConsoleActions actions, PlatformTime time) {
        this.time = time;
        this.enrolments = enrolments;
        this.review = review;
        this.fund = fund;
        this.plans = plans;
        this.organisations = organisations;
        this.messages = messages;
        this.actions = actions;
    }

    @GetMapping("/units")
    String units(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        CoverYear coverYear = CoverYear.chosen(year, time.today());
        model.addAttribute("year", coverYear);
        model.addAttribute("years", plans.years());
        model.addAttribute("units", enrolments.units(user, coverYear));
        model.addAttribute("plans", plans.of(coverYear));
        model.addAttribute("today", time.today());
        return "mutualaid/console/units";
    }

    @PostMapping("/units")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String enrolUnit(@AuthenticationPrincipal CurrentUser user, @RequestParam String orgCode, @RequestParam String project,
            @RequestParam int year, @RequestParam(defaultValue = "1") int shares, @RequestParam int insuredStaff,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            @RequestParam(required = false) String paymentRef, @RequestParam(defaultValue = "false") boolean healthDeclared,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            TreePath scope = TreePath.scopeOf(user);
            OrganisationView unit = organisations.findByCode(orgCode).filter(o -> scope.contains(o.path()))
                    .orElseThrow(() -> DomainException.invalid("organisation.not-found", orgCode));
            UnitEnrolmentResult result = enrolments.enrolUnit(user, new UnitEnrolmentRequest(unit.id(), project,
                    CoverYear.chosen(year, time.today()), shares, insuredStaff, paidOn, paymentRef, healthDeclared), StaffLists.read(file));
            redirect.addFlashAttribute("result", result);
            redirect.addFlashAttribute("problems", result.problems().stream().map(p -> (p.row() > 0
                    ? msg("mutualaid.units.row", p.row()) + ": " : "") + msg(p.code(), p.args().toArray())).toList());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:/console/mutual-aid/units?year=" + year;
    }

    @PostMapping("/units/{unitId}/new-hires")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String newHires(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId, @RequestParam int year,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        try {
            UnitEnrolmentResult result = enrolments.addNewHires(user, unitId, paidOn, StaffLists.read(file));
            redirect.addFlashAttribute("result", result);
            redirect.addFlashAttribute("problems", result.problems().stream().map(p -> (p.row() > 0
                    ? msg("mutualaid.units.row", p.row()) + ": " : "") + msg(p.code(), p.args().toArray())).toList());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:/console/mutual-aid/units?year=" + year;
    }

    /** Payouts are made by the payment engine: its pages, showing mutual aid's programme. */
    @GetMapping("/payouts")
    String payouts() {
        return "redirect:/console/payments?programme=MUTUAL_AID";
    }

    @PostMapping("/claims/{claimId}/retry")
    String retry(@AuthenticationPrincipal CurrentUser user, @PathVariable long claimId, RedirectAttributes redirect) {
        try {
            review.retryPayment(user, claimId);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", actions.reason(e));
        }
        return "redirect:/console/mutual-aid/claims/" + claimId;
    }

    @GetMapping("/fund")
    String fund(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        CoverYear coverYear = CoverYear.chosen(year, time.today());
        model.addAttribute("year", coverYear);
        model.addAttribute("years", plans.years());
        model.addAttribute("reports", fund.reports(user, coverYear, time.today()));
        return "mutualaid/console/fund";
    }

    @GetMapping("/plans")
    String plans(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year, Model model) {
        TreePath.scopeOf(user);
        CoverYear coverYear = CoverYear.chosen(year, time.today());
        model.addAttribute("year", coverYear);
        model.addAttribute("years", plans.years());
        model.addAttribute("plans", plans.of(coverYear));
        return "mutualaid/console/plans";
    }

    private String msg(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}

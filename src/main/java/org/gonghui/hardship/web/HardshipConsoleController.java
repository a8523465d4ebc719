package org.gonghui.hardship.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.gonghui.hardship.HardshipTier;
import org.gonghui.hardship.internal.ArchiveRecords;
import org.gonghui.hardship.internal.ArchiveStatus;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.hardship.internal.LivingStandards;
import org.gonghui.hardship.internal.YearlyReview;
import org.gonghui.member.MemberQuery;
import org.gonghui.member.Members;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ConsoleActions;
import org.gonghui.shared.web.ImportReports;
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
 * The hardship archive in the console: the subtree's archives with filters and Excel export, the review queue of the
 * user's level, an archive's page (household masked, reveal audit-logged, the actions of the level), applications at
 * a window (the member found by ID number or phone), the 低保 standards and the yearly review with its draw.
 */
@Controller
@RequestMapping("/console/hardship")
class HardshipConsoleController {

    private final HardshipApplications applications;
    private final ArchiveRecords records;
    private final LivingStandards standards;
    private final YearlyReview review;
    private final Members members;
    private final ConsoleActions actions;
    private final PlatformTime time;

    HardshipConsoleController(HardshipApplications applications, ArchiveRecords records, LivingStandards standards,
            YearlyReview review, Members members, ConsoleActions actions, PlatformTime time) {
        this.applications = applications;
        this.records = records;
        this.standards = standards;
        this.review = review;
        this.members = members;
        this.actions = actions;
        this.time = time;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ArchiveStatus status,
            @RequestParam(required = false) HardshipTier tier, @RequestParam(required = false) Integer due,
            @RequestParam(defaultValue = "false") boolean leaving, @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", records.search(user, new ArchiveRecords.Query(status, tier, due, leaving, name), page, 50));
        model.addAttribute("statuses", ArchiveStatus.values());
        model.addAttribute("tiers", HardshipTier.values());
        model.addAttribute("status", status);
        model.addAttribute("tier", tier);
        model.addAttribute("due", due);
        model.addAttribute("leaving", leaving);
        model.addAttribute("name", name);
        String query = "status=" + (status == null ? "" : status) + "&tier=" + (tier == null ? "" : tier) + "&due="
                + (due == null ? "" : due) + "&leaving=" + leaving;
        model.addAttribute("query", query);
        model.addAttribute("baseUrl", "/console/hardship?" + query);
        model.addAttribute("queueStatus", queueStatus(user));
        return "hardship/console/list";
    }

    /** What waits for the user's level: the district approves, the township checks, the service point registers. */
    private static ArchiveStatus queueStatus(CurrentUser user) {
        int depth = TreePath.scopeOf(user).depth();
        return depth <= 2 ? ArchiveStatus.CHECKED : depth == 3 ? ArchiveStatus.REGISTERED : ArchiveStatus.SUBMITTED;
    }

    @GetMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ArchiveStatus status,
            @RequestParam(required = false) HardshipTier tier, @RequestParam(required = false) Integer due,
            @RequestParam(defaultValue = "false") boolean leaving, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.export(user, new ArchiveRecords.Query(status, tier, due, leaving, null), out);
        ImportReports.excelAttachment(response, "hardship-archives.xlsx");
        response.getOutputStream().write(out.toByteArray());
    }

    @GetMapping("/{id:[0-9]+}")
    String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("detail", records.detail(user, id));
        model.addAttribute("depth", TreePath.scopeOf(user).depth());
        HardshipPortalController.form(model);
        return "hardship/console/detail";
    }

    @PostMapping("/{id:[0-9]+}/reveal")
    String reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("revealed", records.reveal(user, id));
        return detail(user, id, model);
    }

    private static final Map<String, Action> STEPS = Map.of(
            "register", (a, u, id, r) -> a.register(u, id),
            "check", (a, u, id, r) -> a.check(u, id, r),
            "approve", (a, u, id, r) -> a.approve(u, id, r),
            "send-back", (a, u, id, r) -> a.sendBack(u, id, r),
            "reject", (a, u, id, r) -> a.reject(u, id, r),
            "leave", (a, u, id, r) -> a.leave(u, id, r));

    private interface Action {
        Object run(HardshipApplications applications, CurrentUser user, long id, String reason);
    }

    @PostMapping("/{id:[0-9]+}/{step:register|check|approve|send-back|reject|leave}")
    String step(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String step,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        applications.requireInScope(user, id);
        return actions.run(redirect, "/console/hardship/" + id, () -> runStep(step, user, id, reason));
    }

    private void runStep(String step, CurrentUser user, long id, String reason) {
        try {
            STEPS.get(step).run(applications, user, id, reason);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.FORBIDDEN) {
                throw new DomainException(DomainException.Kind.CONFLICT, e.code(), e.args());
            }
            throw e;
        }
    }

    @PostMapping("/{id:[0-9]+}/household")
    String correct(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) List<String> name, @RequestParam(required = false) List<String> idNumber,
            @RequestParam(required = false) List<String> relation, @RequestParam(required = false) List<String> income,
            @RequestParam(defaultValue = "") String medical, @RequestParam(defaultValue = "") String education,
            @RequestParam(defaultValue = "") String disability, @RequestParam(defaultValue = "") String cause,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        applications.requireInScope(user, id);
        return actions.run(redirect, "/console/hardship/" + id, () -> applications.correct(user, id,
                HouseholdForm.parse(name, idNumber, relation, income, medical, education, disability, cause, note)));
    }

    @PostMapping("/{id:[0-9]+}/documents")
    String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        var archive = applications.requireInScope(user, id);
        return actions.run(redirect, "/console/hardship/" + id, () -> records.attach(archive, file, user.getUsername()));
    }

    /** A document of an archive of the subtree, as an attachment; audit-logged. */
    @GetMapping("/{id:[0-9]+}/documents/{documentId:[0-9]+}")
    org.springframework.http.ResponseEntity<byte[]> document(@AuthenticationPrincipal CurrentUser user,
            @PathVariable long id, @PathVariable long documentId) {
        ArchiveRecords.Download download = records.download(applications.requireInScope(user, id), documentId);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(download.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"document\"")
                .body(download.content());
    }

    /** A window application: find the member of the subtree by exact ID number or phone, then the household form. */
    @GetMapping("/new")
    String window(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q, Model model) {
        String text = q.strip();
        if (!text.isEmpty()) {
            model.addAttribute("found", text.length() > 18 ? List.of() : members.search(TreePath.scopeOf(user),
                    new MemberQuery(text, null, null, null), 0, 5).items());
        }
        model.addAttribute("q", text);
        HardshipPortalController.form(model);
        return "hardship/console/window";
    }

    @PostMapping("/new")
    String applyAtWindow(@AuthenticationPrincipal CurrentUser user, @RequestParam long memberId,
            @RequestParam(required = false) List<String> name, @RequestParam(required = false) List<String> idNumber,
            @RequestParam(required = false) List<String> relation, @RequestParam(required = false) List<String> income,
            @RequestParam(defaultValue = "") String medical, @RequestParam(defaultValue = "") String education,
            @RequestParam(defaultValue = "") String disability, @RequestParam(defaultValue = "") String cause,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        long[] created = new long[1];
        String target = actions.run(redirect, "/console/hardship/new", () -> created[0] = applications.applyAtWindow(user,
                memberId, HouseholdForm.parse(name, idNumber, relation, income, medical, education, disability, cause,
                        note)).id());
        return created[0] > 0 ? "redirect:/console/hardship/" + created[0] : target;
    }

    @GetMapping("/standards")
    String standards(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("standards", standards.list(user));
        model.addAttribute("districts", standards.districts(user));
        model.addAttribute("year", time.today().getYear());
        return "hardship/console/standards";
    }

    @PostMapping("/standards")
    String setStandard(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "0") long districtId,
            @RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "") String monthly,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/console/hardship/standards", () -> standards.set(user, districtId,
                year.strip().matches("[0-9]{4}") ? Integer.valueOf(year.strip()) : null,
                HouseholdForm.amount(monthly, "hardship.standard.amount")));
    }

    @PostMapping("/standards/import")
    String importStandards(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            HttpSession session, Model model) {
        try {
            ImportReport report = standards.importSheet(user, file);
            model.addAttribute("report", report);
            if (!report.succeeded()) {
                model.addAttribute("errorsKey", ImportReports.keep(session, report.errorWorkbook(standards.header(),
                        actions.message("import.row"), actions.message("import.reason"))));
            }
        } catch (DomainException e) {
            model.addAttribute("importError", actions.reason(e));
        }
        return standards(user, model);
    }

    @GetMapping("/reviews")
    String reviews(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("rounds", review.rounds(user));
        model.addAttribute("year", time.today().getYear());
        model.addAttribute("share", review.defaultShare());
        return "hardship/console/reviews";
    }

    @PostMapping("/reviews")
    String runReview(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String share, @RequestParam(defaultValue = "") String seed,
            RedirectAttributes redirect) {
        long[] created = new long[1];
        String target = actions.run(redirect, "/console/hardship/reviews", () -> created[0] = review.run(user,
                year.strip().matches("[0-9]{4}") ? Integer.parseInt(year.strip()) : -1, share(share), seed).id());
        return created[0] > 0 ? "redirect:/console/hardship/reviews/" + created[0] : target;
    }

    private BigDecimal share(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return review.defaultShare();
        }
        if (!value.matches("[0-9](\\.[0-9]{1,3})?")) {
            throw DomainException.invalid("hardship.review.share");
        }
        return new BigDecimal(value);
    }

    @GetMapping("/reviews/{id:[0-9]+}")
    String reviewDetail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("round", review.requireInScope(user, id));
        List<YearlyReview.Item> items = review.items(id);
        model.addAttribute("items", items);
        model.addAttribute("entries", YearlyReview.canonical(items));
        return "hardship/console/review";
    }
}

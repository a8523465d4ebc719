package org.gonghui.modelworker.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.modelworker.archive.ArchiveSpreadsheets;
import org.gonghui.modelworker.archive.LifeEvent;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.modelworker.archive.NewModelWorker;
import org.gonghui.modelworker.archive.WorkerFilter;
import org.gonghui.modelworker.archive.WorkerStatus;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PlausibleDates;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The model-worker archive in the console: the subtree's records with filters, a new record, a record's page with
 * its history, life events, attestation and member link, and the Excel import and export.
 */
@Controller
@RequestMapping("/console/model-workers")
class ArchiveConsoleController {

    private final ModelWorkerArchive archive;
    private final ArchiveSpreadsheets sheets;
    private final Organisations organisations;
    private final ConsoleActions actions;
    private final PlatformTime time;
    private final AllowancePanel allowances;

    ArchiveConsoleController(ModelWorkerArchive archive, ArchiveSpreadsheets sheets, Organisations organisations,
            ConsoleActions actions, PlatformTime time, AllowancePanel allowances) {
        this.archive = archive;
        this.sheets = sheets;
        this.organisations = organisations;
        this.actions = actions;
        this.time = time;
        this.allowances = allowances;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ModelWorkerLevel level,
            @RequestParam(required = false) WorkerStatus status, @RequestParam(required = false) String text,
            @RequestParam(required = false) Boolean due, @RequestParam(defaultValue = "0") int page, Model model) {
        WorkerFilter filter = new WorkerFilter(level, status, text, due);
        model.addAttribute("filter", filter);
        model.addAttribute("levels", ModelWorkerLevel.values());
        model.addAttribute("statuses", WorkerStatus.values());
        model.addAttribute("page", archive.list(user, filter, page, 50));
        model.addAttribute("today", time.today());
        model.addAttribute("baseUrl", UriComponentsBuilder.fromPath("/console/model-workers")
                .queryParamIfPresent("level", java.util.Optional.ofNullable(level))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                .queryParamIfPresent("text", java.util.Optional.ofNullable(text).filter(t -> !t.isBlank()))
                .queryParamIfPresent("due", java.util.Optional.ofNullable(due)).encode().toUriString());
        return "modelworker/console/list";
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal CurrentUser user, Model model) {
        return form(user, model, null);
    }

    private String form(CurrentUser user, Model model, String error) {
        model.addAttribute("levels", ModelWorkerLevel.values());
        model.addAttribute("error", error);
        return "modelworker/console/new";
    }

    @PostMapping
    String register(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String orgCode,
            @RequestParam(defaultValue = "") String title, @RequestParam(required = false) ModelWorkerLevel level,
            @RequestParam(required = false) Integer titleYear, @RequestParam(defaultValue = "") String sector,
            @RequestParam(defaultValue = "") String employer, @RequestParam(required = false) LocalDate allowanceFrom,
            Model model, RedirectAttributes redirect) {
        try {
            if (allowanceFrom != null) {
                PlausibleDates.require(allowanceFrom);
            }
            ModelWorkerView worker = archive.register(user, new NewModelWorker(name, idNumber, orgIdOf(user, orgCode), title, level,
                    titleYear, sector, employer, allowanceFrom));
            redirect.addFlashAttribute("notice", actions.message("common.saved"));
            return "redirect:/console/model-workers/" + worker.id();
        } catch (DomainException e) {
            model.addAttribute("typed", new Typed(name, idNumber, orgCode, title, level, titleYear, sector, employer,
                    allowanceFrom));
            return form(user, model, actions.reason(e));
        }
    }

    /** The organisation of the staff user's subtree with this code; unknown or outside is refused alike. */
    private Long orgIdOf(CurrentUser user, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        TreePath scope = TreePath.scopeOf(user);
        return organisations.findByCode(code.strip()).filter(o -> scope.contains(o.path()))
                .orElseThrow(() -> DomainException.invalid("modelworker.import.org", code.strip())).id();
    }

    /** What staff typed, shown again with the reason a record was refused. */
    record Typed(String name, String idNumber, String orgCode, String title, ModelWorkerLevel level, Integer titleYear,
            String sector, String employer, LocalDate allowanceFrom) {
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        ModelWorkerView worker = archive.requireInScope(user, id);
        model.addAttribute("worker", worker);
        model.addAttribute("org", organisations.find(worker.orgId()).orElse(null));
        model.addAttribute("history", archive.history(id));
        model.addAttribute("events", List.of(LifeEvent.RETIRED, LifeEvent.MOVED, LifeEvent.DECEASED, LifeEvent.REVOKED));
        model.addAttribute("today", time.today());
        allowances.addTo(model, worker);
        return "modelworker/console/worker";
    }

    @PostMapping("/{id}/events")
    String record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) LifeEvent kind, @RequestParam(required = false) LocalDate on,
            @RequestParam(defaultValue = "") String orgCode, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/console/model-workers/" + id, () -> archive.record(user, id, kind, on,
                kind == LifeEvent.MOVED ? orgIdOf(user, orgCode) : null, note));
    }

    @PostMapping("/{id}/attest")
    String attest(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) LocalDate on, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return actions.run(redirect, "/console/model-workers/" + id, () -> archive.attest(user, id, on, note));
    }

    @PostMapping("/{id}/link")
    String link(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return actions.run(redirect, "/console/model-workers/" + id, () -> archive.link(user, id));
    }

    @GetMapping("/import")
    String importPage() {
        return "modelworker/console/import";
    }

    @PostMapping("/import")
    String importRecords(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            HttpSession session, Model model) {
        try {
            ImportReport report = sheets.importRecords(user, file);
            model.addAttribute("report", report);
            if (!report.succeeded()) {
                model.addAttribute("errorsKey", ImportReports.keep(session, report.errorWorkbook(sheets.header(),
                        actions.message("import.row"), actions.message("import.reason"))));
            }
        } catch (DomainException e) {
            model.addAttribute("importError", actions.reason(e));
        }
        return "modelworker/console/import";
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Spreadsheets.write(out, "model-workers", sheets.header(), List.of(sheets.example()));
        return ImportReports.excel(out.toByteArray(), "model-workers-template.xlsx");
    }

    @GetMapping("/export")
    void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) ModelWorkerLevel level,
            @RequestParam(required = false) WorkerStatus status, @RequestParam(required = false) String text,
            @RequestParam(required = false) Boolean due, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.export(user, new WorkerFilter(level, status, text, due), out);
        ImportReports.excelAttachment(response, "model-workers.xlsx");
        response.getOutputStream().write(out.toByteArray());
    }
}

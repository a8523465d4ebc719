package org.gonghui.modelworker.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.modelworker.allowance.AllowanceLineView;
import org.gonghui.modelworker.allowance.AllowanceLines;
import org.gonghui.modelworker.archive.ArchiveSpreadsheets;
import org.gonghui.modelworker.archive.LifeEvent;
import org.gonghui.modelworker.archive.ModelWorkerArchive;
import org.gonghui.modelworker.archive.ModelWorkerView;
import org.gonghui.modelworker.archive.NewModelWorker;
import org.gonghui.modelworker.archive.WorkerEventView;
import org.gonghui.modelworker.archive.WorkerFilter;
import org.gonghui.modelworker.archive.WorkerStatus;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.web.ImportReports;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The model-worker archive for apps: staff keep the records of their subtree; a model worker reads their own. */
@RestController
@RequestMapping("/api/v1/model-workers")
@Tag(name = "Model workers", description = "The model-worker archive (劳模档案), life events, attestation, allowances")
@SecurityRequirement(name = "bearer")
class ArchiveApiController {

    private final ModelWorkerArchive archive;
    private final ArchiveSpreadsheets sheets;
    private final AllowanceLines lines;

    ArchiveApiController(ModelWorkerArchive archive, ArchiveSpreadsheets sheets, AllowanceLines lines) {
        this.archive = archive;
        this.sheets = sheets;
        this.lines = lines;
    }

    /** A new record: the organisation by id (of the caller's subtree). */
    record NewRecord(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 18) String idNumber,
            @NotNull Long orgId, @NotBlank @Size(max = 100) String title, @NotNull ModelWorkerLevel level,
            @NotNull @Min(1950) @Max(2100) Integer titleYear, @NotBlank @Size(max = 50) String sector,
            @NotBlank @Size(max = 100) String employer, @NotNull LocalDate allowanceFrom) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Registers a model worker kept by an organisation of the caller's subtree; linked to the "
            + "member with the same ID number")
    ModelWorkerView register(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewRecord body) {
        return archive.register(user, new NewModelWorker(body.name(), body.idNumber(), body.orgId(), body.title(),
                body.level(), body.titleYear(), body.sector(), body.employer(), body.allowanceFrom()));
    }

    @GetMapping
    @Operation(summary = "The records of the caller's subtree, newest first, filtered by level, status, text and "
            + "attestation due within 30 days")
    PageResult<ModelWorkerView> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) ModelWorkerLevel level, @RequestParam(required = false) WorkerStatus status,
            @RequestParam(required = false) @Size(max = 50) String text,
            @RequestParam(required = false) Boolean attestationDue, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return archive.list(user, new WorkerFilter(level, status, text, attestationDue), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One record of the caller's subtree")
    ModelWorkerView show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return archive.requireInScope(user, id);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The record's history, oldest first")
    List<WorkerEventView> history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        archive.requireInScope(user, id);
        return archive.history(id);
    }

    @GetMapping("/{id}/allowances")
    @Operation(summary = "The record's allowance months, newest first")
    List<AllowanceLineView> allowances(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        archive.requireInScope(user, id);
        return lines.ofWorker(id);
    }

    /** A life event: RETIRED, MOVED (with the new organisation's id), DECEASED or REVOKED, on a day not after today. */
    record Event(@NotNull LifeEvent kind, @NotNull LocalDate on, Long orgId, @Size(max = 300) String note) {
    }

    @PostMapping("/{id}/events")
    @Operation(summary = "Records a life event; death or revocation ends the allowance")
    ModelWorkerView record(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Event body) {
        return archive.record(user, id, body.kind(), body.on(), body.orgId(), body.note());
    }

    /** The day a retiree was seen alive (proof of life). */
    record Attestation(@NotNull LocalDate on, @Size(max = 300) String note) {
    }

    @PostMapping("/{id}/attestations")
    @Operation(summary = "Records a retiree's yearly attestation; held months become payable")
    ModelWorkerView attest(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody Attestation body) {
        return archive.attest(user, id, body.on(), body.note());
    }

    @PostMapping("/{id}/link")
    @Operation(summary = "Links the record to the member with the same ID number")
    ModelWorkerView link(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return archive.link(user, id);
    }

    @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Imports records from Excel (columns in docs/modelworker.md): every row or none; 422 lists "
            + "the bad rows")
    ResponseEntity<ImportReport> importRecords(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) MultipartFile file) {
        ImportReport report = sheets.importRecords(user, file);
        return ResponseEntity.status(report.succeeded() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    @GetMapping("/export")
    @Operation(summary = "The subtree's records as Excel, ID numbers masked (audit-logged)")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) ModelWorkerLevel level, @RequestParam(required = false) WorkerStatus status,
            @RequestParam(required = false) @Size(max = 50) String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.export(user, new WorkerFilter(level, status, text, null), out);
        return ImportReports.excel(out.toByteArray(), "model-workers.xlsx");
    }

    /** The signed-in model worker's own record and allowance months. */
    record Own(ModelWorkerView record, List<AllowanceLineView> allowances) {
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in member's own model-worker record and allowance months (404 when not one)")
    Own mine(@AuthenticationPrincipal CurrentUser user) {
        if (user == null || user.memberId() == null) {
            throw DomainException.forbidden("error.forbidden");
        }
        ModelWorkerView record = archive.ofMember(user.memberId())
                .orElseThrow(() -> DomainException.notFound("modelworker.not-found", user.memberId()));
        return new Own(record, lines.ofWorker(record.id()));
    }
}

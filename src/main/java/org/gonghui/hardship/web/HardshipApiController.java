package org.gonghui.hardship.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.gonghui.hardship.HardshipFigures;
import org.gonghui.hardship.HardshipTier;
import org.gonghui.hardship.internal.ArchiveDetail;
import org.gonghui.hardship.internal.ArchiveRecords;
import org.gonghui.hardship.internal.ArchiveStatus;
import org.gonghui.hardship.internal.ArchiveView;
import org.gonghui.hardship.internal.Cause;
import org.gonghui.hardship.internal.DocumentView;
import org.gonghui.hardship.internal.HardshipApplications;
import org.gonghui.hardship.internal.Household;
import org.gonghui.hardship.internal.LivingStandards;
import org.gonghui.hardship.internal.MeansTestData;
import org.gonghui.hardship.internal.Revealed;
import org.gonghui.hardship.internal.StepView;
import org.gonghui.hardship.internal.YearlyReview;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.excel.ImportReport;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.shared.web.ImportReports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The hardship archive for apps: members apply, follow their archive and its explanation and correct what was sent
 * back; staff of a subtree apply at a window, register, check, approve (a second person), send back, reject, record
 * leaving, reveal a household (audit-logged), enter the 低保 standards, run the yearly review with its draw and read
 * the figures. Another subtree's archive is 404.
 */
@RestController
@RequestMapping("/api/v1/hardship")
@Tag(name = "Hardship archive", description = "困难职工档案: applications, means test, review, yearly review and draw")
@SecurityRequirement(name = "bearer")
class HardshipApiController {

    private final HardshipApplications applications;
    private final ArchiveRecords records;
    private final LivingStandards standards;
    private final YearlyReview review;
    private final HardshipFigures figures;
    private final PlatformTime time;

    HardshipApiController(HardshipApplications applications, ArchiveRecords records, LivingStandards standards,
            YearlyReview review, HardshipFigures figures, PlatformTime time) {
        this.applications = applications;
        this.records = records;
        this.standards = standards;
        this.review = review;
        this.figures = figures;
        this.time = time;
    }

    /** A household member: name, ID number (GB 11643), relation to the applicant and disposable income a year. */
    record PersonBody(@NotNull @Size(max = 50) String name, @NotNull @Size(max = 18) String idNumber,
            @NotNull Household.Relation relation, @NotNull BigDecimal annualIncome) {
    }

    /** The household: people (applicant first), rigid expenses a year (yuan) and the cause of hardship. */
    record HouseholdBody(@NotNull @Size(min = 1, max = Household.MAX_PEOPLE) List<@Valid @NotNull PersonBody> people,
            BigDecimal medical, BigDecimal education, BigDecimal disability, @NotNull Cause cause,
            @Size(max = 500) String note) {

        Household household() {
            return new Household(people.stream().map(p -> new Household.Person(p.name(), p.idNumber(), p.relation(),
                    p.annualIncome())).toList(), medical, education, disability, cause, note);
        }
    }

    /** A reason (required to send back, reject and leave; optional to check and approve). */
    record ReasonBody(@Size(max = 500) String reason) {
    }

    record WindowApplication(@NotNull Long memberId, @NotNull @Valid HouseholdBody household) {
    }

    record StandardBody(@NotNull Long districtId, @NotNull Integer year, @NotNull BigDecimal monthly) {
    }

    record ReviewBody(@NotNull Integer year, BigDecimal visitShare, @Size(max = 100) String seed) {
    }

    /** An archive with its steps and, for the member, the household and its assessment. */
    record OwnArchive(ArchiveView archive, Revealed assessment, List<StepView> steps, List<DocumentView> documents) {
    }

    /** A round of the yearly review, its lines in draw order and what anyone needs to replay the draw. */
    record RoundDetail(YearlyReview.Round round, List<YearlyReview.Item> items, String publishedEntries) {
    }

    private static long memberOf(CurrentUser user) {
        if (user == null || user.memberId() == null) {
            throw DomainException.forbidden("error.forbidden");
        }
        return user.memberId();
    }

    private static String reason(ReasonBody body) {
        return body == null ? null : body.reason();
    }

    // --- the member

    @GetMapping("/me")
    @Operation(summary = "The signed-in member's archives, newest first")
    List<ArchiveView> mine(@AuthenticationPrincipal CurrentUser user) {
        return applications.ownArchives(memberOf(user));
    }

    @PostMapping("/me")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply (one live archive per member); a member who left before is flagged returning (返困)")
    ArchiveView apply(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody HouseholdBody body) {
        return applications.apply(memberOf(user), body.household());
    }

    @GetMapping("/me/{id}")
    @Operation(summary = "The member's archive: status, steps, household and the means test explained line by line "
            + "(frozen with the decision, else provisional)")
    OwnArchive own(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        long member = memberOf(user);
        ArchiveView archive = applications.own(member, id);
        return new OwnArchive(archive, records.own(member, id), applications.steps(id), records.documents(id));
    }

    @PutMapping("/me/{id}")
    @Operation(summary = "Correct an application sent back and submit it again")
    ArchiveView resubmit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody HouseholdBody body) {
        return applications.resubmit(memberOf(user), id, body.household());
    }

    @PostMapping(value = "/me/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a document (PDF, JPEG or PNG) to the member's live archive")
    DocumentView attachOwn(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file) {
        long member = memberOf(user);
        return records.attach(applications.own(member, id), file, "member:" + member);
    }

    // --- staff

    @GetMapping("/archives")
    @Operation(summary = "The subtree's archives, filtered by status, tier, review due within days, leaving, name")
    PageResult<ArchiveView> archives(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) ArchiveStatus status, @RequestParam(required = false) HardshipTier tier,
            @RequestParam(required = false) Integer dueWithinDays, @RequestParam(defaultValue = "false") boolean leaving,
            @RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return records.search(user, new ArchiveRecords.Query(status, tier, dueWithinDays, leaving, name), page, size);
    }

    @GetMapping("/archives/export")
    @Operation(summary = "The filtered archives as Excel (no household details); audit-logged")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) ArchiveStatus status, @RequestParam(required = false) HardshipTier tier,
            @RequestParam(required = false) Integer dueWithinDays, @RequestParam(defaultValue = "false") boolean leaving,
            @RequestParam(required = false) String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.export(user, new ArchiveRecords.Query(status, tier, dueWithinDays, leaving, name), out);
        return ImportReports.excel(out.toByteArray(), "hardship-archives.xlsx");
    }

    @PostMapping("/archives")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply at a window for a member of the subtree (registered at once)")
    ArchiveView applyAtWindow(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody WindowApplication body) {
        return applications.applyAtWindow(user, body.memberId(), body.household().household());
    }

    @GetMapping("/archives/{id}")
    @Operation(summary = "An archive with its household masked, steps and documents; the look is audit-logged")
    ArchiveDetail archive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return records.detail(user, id);
    }

    @PostMapping("/archives/{id}/reveal")
    @Operation(summary = "The household in clear with its assessment (incomes, health, children); audit-logged")
    Revealed reveal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return records.reveal(user, id);
    }

    @PutMapping("/archives/{id}/household")
    @Operation(summary = "Correct an application sent back, at a window; it is registered again")
    ArchiveView correct(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody HouseholdBody body) {
        return applications.correct(user, id, body.household());
    }

    @PostMapping("/archives/{id}/register")
    @Operation(summary = "The service point registers a member's application")
    ArchiveView register(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return applications.register(user, id);
    }

    @PostMapping("/archives/{id}/check")
    @Operation(summary = "The township checks (level 3 or above); refused when the means test finds no hardship")
    ArchiveView check(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody(required = false) ReasonBody body) {
        return applications.check(user, id, reason(body));
    }

    @PostMapping("/archives/{id}/approve")
    @Operation(summary = "The district approves (level 2 or above), not the checker; the figures are frozen")
    ArchiveView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody(required = false) ReasonBody body) {
        return applications.approve(user, id, reason(body));
    }

    @PostMapping("/archives/{id}/send-back")
    @Operation(summary = "Send an application in review back to the applicant with the reason")
    ArchiveView sendBack(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ReasonBody body) {
        return applications.sendBack(user, id, body.reason());
    }

    @PostMapping("/archives/{id}/reject")
    @Operation(summary = "Reject an application with the reason")
    ArchiveView reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ReasonBody body) {
        return applications.reject(user, id, body.reason());
    }

    @PostMapping("/archives/{id}/leave")
    @Operation(summary = "The member leaves the archive (脱困) with the reason (township level or above)")
    ArchiveView leave(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @RequestBody ReasonBody body) {
        return applications.leave(user, id, body.reason());
    }

    @PostMapping(value = "/archives/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a document (PDF, JPEG or PNG) to a live archive of the subtree")
    DocumentView attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file) {
        return records.attach(applications.requireInScope(user, id), file, user.getUsername());
    }

    @GetMapping("/archives/{id}/documents/{documentId}")
    @Operation(summary = "A document of an archive of the subtree; audit-logged")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long documentId) {
        ArchiveRecords.Download download = records.download(applications.requireInScope(user, id), documentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(download.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"document\"").body(download.content());
    }

    @GetMapping("/standards")
    @Operation(summary = "The 低保 standards of the districts in the subtree")
    List<MeansTestData.StandardRow> standards(@AuthenticationPrincipal CurrentUser user) {
        return standards.list(user);
    }

    @PutMapping("/standards")
    @Operation(summary = "Set a district's 低保 standard for a year (yuan per person and month)")
    List<MeansTestData.StandardRow> setStandard(@AuthenticationPrincipal CurrentUser user,
            @Valid @RequestBody StandardBody body) {
        standards.set(user, body.districtId(), body.year(), body.monthly());
        return standards.list(user);
    }

    @PostMapping(value = "/standards/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import standards (Excel: district code, year, yuan per person and month): every row or none; "
            + "422 lists the bad rows")
    ResponseEntity<ImportReport> importStandards(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) MultipartFile file) {
        ImportReport report = standards.importSheet(user, file);
        return ResponseEntity.status(report.succeeded() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    @GetMapping("/reviews")
    @Operation(summary = "The subtree's yearly reviews, newest first")
    List<YearlyReview.Round> reviews(@AuthenticationPrincipal CurrentUser user) {
        return review.rounds(user);
    }

    @PostMapping("/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Run the yearly review of the subtree: re-assess every archive due by the year's end and draw "
            + "the share (default configured) for a home visit with the published seed (blank: random)")
    YearlyReview.Round runReview(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ReviewBody body) {
        return review.run(user, body.year(), body.visitShare() == null ? review.defaultShare() : body.visitShare(),
                body.seed());
    }

    @GetMapping("/reviews/{id}")
    @Operation(summary = "A yearly review: its lines in draw order, the seed and the published entry list "
            + "(\"id,1.000\" per line; SHA-256 = entriesHash) to replay the draw")
    RoundDetail reviewDetail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        YearlyReview.Round round = review.requireInScope(user, id);
        List<YearlyReview.Item> items = review.items(id);
        return new RoundDetail(round, items, YearlyReview.canonical(items));
    }

    @GetMapping("/figures")
    @Operation(summary = "Households per tier, entered and left in a year, for the caller's subtree")
    HardshipFigures.Figures figures(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) Integer year) {
        int y = year == null ? time.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw DomainException.invalid("hardship.review.year");
        }
        return figures.of(TreePath.scopeOf(user), y);
    }
}

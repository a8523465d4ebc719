package org.gonghui.mutualaid.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.mutualaid.BatchApproval;
import org.gonghui.mutualaid.ClaimBatches;
import org.gonghui.mutualaid.ClaimDetails;
import org.gonghui.mutualaid.ClaimFilter;
import org.gonghui.mutualaid.ClaimForm;
import org.gonghui.mutualaid.ClaimReview;
import org.gonghui.mutualaid.ClaimStatus;
import org.gonghui.mutualaid.ClaimSummary;
import org.gonghui.mutualaid.ClaimView;
import org.gonghui.mutualaid.Claims;
import org.gonghui.mutualaid.CoverYear;
import org.gonghui.mutualaid.DocumentType;
import org.gonghui.mutualaid.DocumentView;
import org.gonghui.mutualaid.EnrolmentView;
import org.gonghui.mutualaid.Enrolments;
import org.gonghui.mutualaid.Fund;
import org.gonghui.mutualaid.FundReport;
import org.gonghui.mutualaid.Money;
import org.gonghui.mutualaid.PlanView;
import org.gonghui.mutualaid.Plans;
import org.gonghui.mutualaid.UnitEnrolmentRequest;
import org.gonghui.mutualaid.UnitEnrolmentResult;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.time.PlatformTime;
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

/**
 * Mutual aid for apps: members' enrolments and claims, reviewers' queue and actions, collective enrolment,
 * payment retry (batches and bank files: the payment engine's /api/v1/payments) and the fund. Every call is limited as in the pages: a member sees only their own, staff only
 * their subtree; anything else is "not found".
 */
@RestController
@RequestMapping("/api/v1/mutual-aid")
@Tag(name = "Mutual aid", description = "Medical mutual aid: enrolment, claims, review, payouts, fund")
@SecurityRequirement(name = "bearer")
class MutualAidApiController {

    private final Plans plans;
    private final Enrolments enrolments;
    private final Claims claims;
    private final ClaimReview review;
    private final Fund fund;
    private final ClaimBatches batches;
    private final PlatformTime time;

    MutualAidApiController(Plans plans, Enrolments enrolments, Claims claims, ClaimReview review,
            Fund fund, ClaimBatches batches, PlatformTime time) {
        this.time = time;
        this.batches = batches;
        this.plans = plans;
        this.enrolments = enrolments;
        this.claims = claims;
        this.review = review;
        this.fund = fund;
    }

    @GetMapping("/plans")
    @Operation(summary = "The plans (rules) of a cover year; default the current one")
    List<PlanView> plans(@RequestParam(required = false) Integer year) {
        return plans.of(CoverYear.chosen(year, time.today()));
    }

    @PostMapping("/plans")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a plan for a project and cover year (admins; refused once members are enrolled)")
    PlanView publish(@AuthenticationPrincipal CurrentUser user, @RequestBody org.gonghui.mutualaid.PlanRules body) {
        return plans.publish(user, body);
    }

    // ---- the member's own

    @GetMapping("/me/enrolments")
    List<EnrolmentView> myEnrolments(@AuthenticationPrincipal CurrentUser user) {
        requireMember(user);
        return enrolments.ofMember(user.memberId());
    }

    record SelfEnrolment(String project, Integer year, Integer shares, boolean healthDeclared, String paymentRef) {
    }

    @PostMapping("/me/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enrol individually (retirees), recording the payment")
    EnrolmentView enrolSelf(@AuthenticationPrincipal CurrentUser user, @RequestBody SelfEnrolment body) {
        return enrolments.enrolSelf(user, body.project(), CoverYear.chosen(body.year(), time.today()), body.shares() == null ? 1 : body.shares(), body.healthDeclared(),
                body.paymentRef(), time.today());
    }

    @GetMapping("/me/claims")
    List<ClaimSummary> myClaims(@AuthenticationPrincipal CurrentUser user) {
        return claims.mine(user);
    }

    @PostMapping("/me/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a claim; refused with the rule's reason when the rules exclude it")
    ClaimView submitMine(@AuthenticationPrincipal CurrentUser user, @RequestBody ClaimForm body) {
        requireMember(user);
        return claims.submit(user, user.memberId(), body);
    }

    @GetMapping("/checklist")
    List<DocumentType> checklist(@RequestParam String project, @RequestParam(required = false) Integer year) {
        return claims.checklist(project, CoverYear.chosen(year, time.today()));
    }

    // ---- claims (member or staff in scope)

    @PostMapping("/members/{memberId}/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Staff at a window submit a claim on a member's behalf")
    ClaimView submitFor(@AuthenticationPrincipal CurrentUser user, @PathVariable long memberId, @RequestBody ClaimForm body) {
        return claims.submit(user, memberId, body);
    }

    @GetMapping("/claims/{id}")
    ClaimDetails claim(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return claims.details(user, id);
    }

    @PostMapping(value = "/claims/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a document (PDF, JPEG or PNG by content, size-limited)")
    DocumentView upload(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam DocumentType type,
            @RequestParam(required = false) MultipartFile file) {
        return claims.upload(user, id, type, file);
    }

    @GetMapping("/claims/{id}/documents/{documentId}")
    @Operation(summary = "A document's content (audit-logged)")
    ResponseEntity<byte[]> document(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long documentId) {
        return Documents.inline(claims.openDocument(user, id, documentId));
    }

    @PostMapping("/claims/{id}/answer")
    @Operation(summary = "The member answers a document request after uploading the missing items")
    ClaimView answer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return claims.answerDocumentRequest(user, id);
    }

    // ---- review

    @GetMapping("/claims")
    @Operation(summary = "The claim queue of the caller's subtree (open claims, oldest first, unless filtered)")
    PageResult<ClaimSummary> queue(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) ClaimStatus status, @RequestParam(required = false) String project,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) Long orgId,
            @RequestParam(required = false) Integer minAge, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return claims.queue(user, new ClaimFilter(status, project, year, orgId, minAge), page, size);
    }

    record Version(Integer version) {
    }

    @PostMapping("/claims/batch-approve")
    @Operation(summary = "Recompute and approve every claim under review of a plan in the caller's subtree that the "
            + "rules pay (maker-checker applies; claims the rules do not pay stay for a person)")
    BatchApproval batchApprove(@AuthenticationPrincipal CurrentUser user, @RequestParam String project,
            @RequestParam(required = false) Integer year) {
        return batches.approveUnderReview(user, project, CoverYear.chosen(year, time.today()));
    }

    @PostMapping("/claims/{id}/accept")
    ClaimView accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody(required = false) Version body) {
        return review.accept(user, id, body == null ? null : body.version());
    }

    record DocumentRequest(Integer version, List<DocumentType> items, String note, LocalDate deadline) {
    }

    @PostMapping("/claims/{id}/request-documents")
    ClaimView requestDocuments(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody DocumentRequest body) {
        return review.requestDocuments(user, id, body.version(), body.items(), body.note(), body.deadline());
    }

    record Adjustment(Integer version, BigDecimal amount, String reason) {
    }

    @PostMapping("/claims/{id}/adjust")
    ClaimView adjust(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Adjustment body) {
        return review.adjust(user, id, body.version(), body.amount() == null ? null : new Money(body.amount()),
                body.reason() == null ? "" : body.reason());
    }

    /** The version the reviewer saw and, when documents of the checklist are missing, the reason to approve anyway. */
    record Approval(Integer version, String documentsOverride) {
    }

    @PostMapping("/claims/{id}/approve")
    @Operation(summary = "Approve; above the plan's amount a second, different reviewer must approve too. With "
            + "documents of the checklist missing only with documentsOverride, a reason that is audit-logged")
    ClaimView approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody(required = false) Approval body) {
        return review.approve(user, id, body == null ? null : body.version(), body == null ? null : body.documentsOverride());
    }

    record Rejection(Integer version, String reason) {
    }

    @PostMapping("/claims/{id}/reject")
    ClaimView reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody Rejection body) {
        return review.reject(user, id, body.version(), body.reason() == null ? "" : body.reason());
    }

    // ---- collective enrolment

    @PostMapping(value = "/units", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Enrol a unit's staff list (Excel: name, ID number); all or nothing")
    ResponseEntity<UnitEnrolmentResult> enrolUnit(@AuthenticationPrincipal CurrentUser user, @RequestParam long orgId,
            @RequestParam String project, @RequestParam int year, @RequestParam(defaultValue = "1") int shares,
            @RequestParam int insuredStaff, @RequestParam LocalDate paidOn, @RequestParam(required = false) String paymentRef,
            @RequestParam(defaultValue = "false") boolean healthDeclared, @RequestParam(required = false) MultipartFile file) {
        UnitEnrolmentResult result = enrolments.enrolUnit(user, new UnitEnrolmentRequest(orgId, project,
                CoverYear.chosen(year, time.today()), shares, insuredStaff, paidOn, paymentRef, healthDeclared), StaffLists.read(file));
        return ResponseEntity.status(result.succeeded() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT).body(result);
    }

    @PostMapping(value = "/units/{unitId}/new-hires", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UnitEnrolmentResult> newHires(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId,
            @RequestParam LocalDate paidOn, @RequestParam(required = false) MultipartFile file) {
        UnitEnrolmentResult result = enrolments.addNewHires(user, unitId, paidOn, StaffLists.read(file));
        return ResponseEntity.status(result.succeeded() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT).body(result);
    }

    // ---- payment retry and fund

    @PostMapping("/claims/{id}/retry-payment")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "After the account is fixed, the failed claim's payment waits for the next batch (batches, files: /api/v1/payments)")
    void retry(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        review.retryPayment(user, id);
    }

    @GetMapping("/fund")
    @Operation(summary = "The fund's report per project for a cover year, with the deficit warning")
    List<FundReport> fund(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year) {
        return fund.reports(user, CoverYear.chosen(year, time.today()), time.today());
    }

    private static void requireMember(CurrentUser user) {
        if (user == null || !user.isMember()) {
            throw DomainException.forbidden("error.forbidden");
        }
    }
}

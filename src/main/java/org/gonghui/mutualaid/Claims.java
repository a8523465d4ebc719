package org.gonghui.mutualaid;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.PageResult;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Claims from the member's side and the reading side for reviewers: submit, upload documents, answer a
 * document request, follow the claim; the queue. A claim is visible only to its member and to staff whose
 * subtree holds it; to anyone else it does not exist. Every look at a claim or a document by staff, and
 * every opening of a document, is audit-logged.
 */
@Service
public class Claims {

    private final ClaimRepository repository;
    private final ClaimRecords records;
    private final DocumentStore store;
    private final Enrolments enrolments;
    private final Plans plans;
    private final Members members;
    private final Organisations organisations;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final MutualAidProperties properties;
    private final PlatformTime time;

    Claims(ClaimRepository repository, ClaimRecords records, DocumentStore store, Enrolments enrolments, Plans plans,
            Members members, Organisations organisations, AuditLog audit, JdbcClient jdbc,
            MutualAidProperties properties, PlatformTime time) {
        this.time = time;
        this.repository = repository;
        this.records = records;
        this.store = store;
        this.enrolments = enrolments;
        this.plans = plans;
        this.members = members;
        this.organisations = organisations;
        this.audit = audit;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The documents a claim under this project will need, for the checklist shown before submitting. */
    public List<DocumentType> checklist(String project, CoverYear year) {
        return DocumentChecklist.required(plans.require(project, year).rules().kind());
    }

    /**
     * Submits a claim for a member: by the member, or by staff at a window for a member in their scope. The
     * event must be covered by an enrolment in the project for its cover year; the benefit is computed at
     * once, and a claim the rules exclude (outside cover, waiting period, late, disease not listed or already
     * paid) or with an invoice already claimed is refused with the reason.
     */
    @Transactional
    public ClaimView submit(CurrentUser user, long memberId, ClaimForm form) {
        requireSubmitter(user, memberId);
        validate(form);
        CoverYear year = CoverYear.of(form.eventDate());
        EnrolmentView enrolment = enrolments.find(memberId, form.project(), year)
                .orElseThrow(() -> DomainException.invalid("mutualaid.claim.not-enrolled", Localised.project(form.project()), year.label()));
        PlanView plan = plans.require(enrolment.planId());
        records.invoiceInUse(form.invoiceNo(), null).ifPresent(other -> {
            throw DomainException.conflict("mutualaid.claim.duplicate-invoice", form.invoiceNo().trim(),
                    claimNo(year, other));
        });
        BenefitCalculator.ClaimFacts facts = new BenefitCalculator.ClaimFacts(form.eventDate(), form.endDate(),
                time.today(), form.selfPaid(), form.disease());
        Benefit benefit = BenefitCalculator.compute(plan.rules(), enrolment.cover(), facts,
                records.history(memberId, plan.id(), null));
        if (!benefit.payable()) {
            ExplanationLine reason = benefit.lines().get(benefit.lines().size() - 1);
            throw DomainException.invalid(reason.messageKey(), reason.messageArgs());
        }
        Claim claim = repository.save(Claim.submit(enrolment, plan.id(), plan.rules().kind(), form, benefit,
                user.getUsername()));
        records.event(claim.id(), user.getUsername(), "submitted", benefit.amount().toString());
        audit.record("mutualaid.claim.submit", "mutualaid_claim", claim.id(), null);
        recomputeOpenClaims(memberId, plan.id(), claim.id(), user.getUsername());
        return claim.view();
    }

    /** Open claims whose amount is still recomputed when another claim of the member's year is filed or decided. */
    private static final java.util.Set<ClaimStatus> RECOMPUTED = java.util.EnumSet.of(ClaimStatus.SUBMITTED,
            ClaimStatus.UNDER_REVIEW, ClaimStatus.AWAITING_DOCUMENTS);

    /**
     * Recomputes the member's other open claims under this plan after a claim was filed or decided, so that
     * provisional amounts follow the rules as the year now stands (the first-stay subsidy moves to the earliest
     * stay, a rejected earlier stay passes it on). A claim whose amount changed gets a "recomputed" event and a
     * new version: a reviewer who saw the old amount must look again.
     */
    void recomputeOpenClaims(long memberId, long planId, long changedClaimId, String actor) {
        List<ClaimRecords.YearClaim> year = records.yearClaims(memberId, planId);
        PlanView plan = null;
        for (ClaimRecords.YearClaim other : year) {
            if (other.id() == changedClaimId || !RECOMPUTED.contains(other.status())) {
                continue;
            }
            plan = plan == null ? plans.require(planId) : plan;
            Claim claim = repository.findById(other.id()).orElseThrow();
            String before = claim.explanation();
            Money amountBefore = new Money(claim.computedAmount());
            claim.recordBenefit(BenefitCalculator.compute(plan.rules(), enrolments.require(claim.enrolmentId()).cover(),
                    claim.facts(time.zone()), ClaimRecords.history(year, claim.id())));
            if (!claim.explanation().equals(before)) {
                repository.save(claim);
                records.event(claim.id(), actor, "recomputed", amountBefore + " -> " + claim.computedAmount().toPlainString());
            }
        }
    }

    /** Adds a document to a claim that is still being handled; by the member or staff in scope. */
    @Transactional
    public DocumentView upload(CurrentUser user, long claimId, DocumentType type, MultipartFile file) {
        Claim claim = readable(user, claimId);
        if (claim.status().isDecided() || type == null) {
            throw DomainException.conflict("mutualaid.document.closed");
        }
        DocumentStore.Stored stored = store.store(claimId, file);
        long id = records.document(claimId, type, file.getOriginalFilename(), stored, user.getUsername());
        records.event(claimId, user.getUsername(), "document-uploaded", type.name());
        audit.record("mutualaid.document.upload", "mutualaid_claim", claimId, type.name());
        return records.documentOf(claimId, id).orElseThrow();
    }

    /** The member tells reviewers the requested documents are uploaded; refused while any is still missing. */
    @Transactional
    public ClaimView answerDocumentRequest(CurrentUser user, long claimId) {
        Claim claim = readable(user, claimId);
        List<DocumentType> missing = missing(claim);
        if (!missing.isEmpty()) {
            throw DomainException.invalid("mutualaid.claim.documents-missing", missing.size());
        }
        claim.documentsProvided();
        claim = repository.save(claim);
        records.answerRequests(claimId);
        records.event(claimId, user.getUsername(), "documents-provided", null);
        return claim.view();
    }

    /** A claim with its documents, requests and timeline. Staff looks are audit-logged. */
    @Transactional
    public ClaimDetails details(CurrentUser user, long claimId) {
        Claim claim = readable(user, claimId);
        if (!user.isMember()) {
            audit.record("mutualaid.claim.view", "mutualaid_claim", claimId, null);
        }
        return details(claim);
    }

    ClaimDetails details(Claim claim) {
        ClaimView view = claim.view();
        LocalDate expected = ClaimStatus.GRANTED.contains(view.status()) && view.decidedAt() != null
                ? time.dateOf(view.decidedAt())
                        .plusDays(properties.expectedPaymentDays())
                : null;
        List<ClaimEventView> timeline = records.timeline(claim.id());
        LocalDate paidOn = timeline.stream().filter(e -> "paid".equals(e.kind())).reduce((a, b) -> b)
                .map(e -> time.dateOf(e.at())).orElse(null);
        return new ClaimDetails(view, records.documents(claim.id()), records.requests(claim.id()), timeline,
                missing(claim), expected, paidOn);
    }

    /** A document's content for the member or a reviewer in scope; every opening is audit-logged. */
    @Transactional
    public StoredDocument openDocument(CurrentUser user, long claimId, long documentId) {
        readable(user, claimId);
        DocumentView document = records.documentOf(claimId, documentId)
                .orElseThrow(() -> DomainException.notFound("mutualaid.document.not-found"));
        audit.record("mutualaid.document.view", "mutualaid_document", documentId, "claim " + claimId);
        return new StoredDocument(document, store.read(records.storageKey(documentId)));
    }

    /** The signed-in member's claims, newest first. */
    @Transactional(readOnly = true)
    public List<ClaimSummary> mine(CurrentUser user) {
        if (!user.isMember()) {
            throw DomainException.forbidden("error.forbidden");
        }
        return jdbc.sql(SUMMARY + " where c.member_id = :m order by c.id desc").param("m", user.memberId())
                .query((rs, n) -> summary(rs)).list();
    }

    /** The signed-in member's claims, newest first, each in full: stay, amount, and what the member must do next. */
    @Transactional(readOnly = true)
    public List<ClaimDetails> mineInDetail(CurrentUser user) {
        if (!user.isMember()) {
            throw DomainException.forbidden("error.forbidden");
        }
        return repository.findByMemberIdOrderByIdDesc(user.memberId()).stream().map(this::details).toList();
    }

    /** The claim queue of the staff user's subtree: open claims oldest first, or any status by filter. */
    @Transactional(readOnly = true)
    public PageResult<ClaimSummary> queue(CurrentUser staff, ClaimFilter filter, int page, int size) {
        TreePath scope = Enrolments.scope(staff);
        if (filter.orgId() != null) {
            scope = organisations.requireInScope(filter.orgId(), scope).treePath();
        }
        int safeSize = PageResult.clampSize(size);
        int safePage = PageResult.clampPage(page);
        StringBuilder sql = new StringBuilder(SUMMARY).append(" where c.org_path like :scope");
        if (filter.status() != null) {
            sql.append(" and c.status = :status");
        } else {
            sql.append(" and c.status in ('SUBMITTED', 'UNDER_REVIEW', 'AWAITING_DOCUMENTS', 'AWAITING_SECOND_APPROVAL')");
        }
        if (filter.project() != null && !filter.project().isBlank()) {
            sql.append(" and c.project = :project");
        }
        if (filter.coverYear() != null) {
            sql.append(" and c.cover_year = :year");
        }
        if (filter.minAgeDays() != null) {
            sql.append(" and c.submitted_at <= :olderThan");
        }
        sql.append(" order by c.submitted_at, c.id limit :limit offset :offset");
        var statement = jdbc.sql(sql.toString()).param("scope", scope.likePattern())
                .param("limit", safeSize + 1).param("offset", (long) safePage * safeSize);
        if (filter.status() != null) {
            statement = statement.param("status", filter.status().name());
        }
        if (filter.project() != null && !filter.project().isBlank()) {
            statement = statement.param("project", filter.project());
        }
        if (filter.coverYear() != null) {
            statement = statement.param("year", filter.coverYear());
        }
        if (filter.minAgeDays() != null) {
            statement = statement.param("olderThan", Timestamp.from(Instant.now().minus(Duration.ofDays(filter.minAgeDays()))));
        }
        return PageResult.of(statement.query((rs, n) -> summary(rs)).list(), safePage, safeSize);
    }

    /** The member of a claim, for showing the name beside it (masked personal values only). */
    @Transactional(readOnly = true)
    public MemberView memberOf(ClaimView claim) {
        return members.find(claim.memberId()).orElseThrow(() -> DomainException.notFound("member.not-found"));
    }

    /** The claim if this user may see it: its member, or staff whose subtree holds it; else "not found". */
    Claim readable(CurrentUser user, long claimId) {
        Claim claim = repository.findById(claimId)
                .orElseThrow(() -> DomainException.notFound("mutualaid.claim.not-found"));
        boolean allowed = user.isMember() ? claim.memberId() == user.memberId()
                : user.isStaff() && user.covers(claim.orgPath());
        if (!allowed) {
            throw DomainException.notFound("mutualaid.claim.not-found");
        }
        return claim;
    }

    /** Checklist items never uploaded, plus items of open requests not uploaded since they were asked for. */
    List<DocumentType> missing(Claim claim) {
        List<DocumentView> documents = records.documents(claim.id());
        List<DocumentType> missing = new ArrayList<>(DocumentChecklist.missing(claim.claimType(),
                documents.stream().map(DocumentView::type).toList(), List.of()));
        for (DocumentRequestView request : records.requests(claim.id())) {
            if (!request.open()) {
                continue;
            }
            for (DocumentType item : request.items()) {
                boolean provided = documents.stream()
                        .anyMatch(d -> d.type() == item && !d.uploadedAt().isBefore(request.requestedAt()));
                if (!provided && !missing.contains(item)) {
                    missing.add(item);
                }
            }
        }
        return missing;
    }

    private void requireSubmitter(CurrentUser user, long memberId) {
        if (user.isMember()) {
            if (user.memberId() != memberId) {
                throw DomainException.notFound("member.not-found");
            }
            return;
        }
        if (!user.isStaff() || !(user.has(Role.STAFF) || user.has(Role.ADMIN))) {
            throw DomainException.forbidden("error.forbidden");
        }
        MemberView member = members.find(memberId).orElseThrow(() -> DomainException.notFound("member.not-found"));
        if (!user.covers(member.orgPath())) {
            throw DomainException.notFound("member.not-found");
        }
    }

    private void validate(ClaimForm form) {
        if (form.project() == null || form.hospital() == null || form.hospital().isBlank() || form.eventDate() == null
                || form.endDate() == null || form.diagnosis() == null || form.diagnosis().isBlank()
                || form.invoiceNo() == null || form.invoiceNo().isBlank() || form.totalCost() == null
                || form.insurancePaid() == null || form.selfPaid() == null) {
            throw DomainException.invalid("mutualaid.claim.incomplete");
        }
        if (!CoverYear.isPlausible(form.eventDate()) || form.endDate().isBefore(form.eventDate())
                || form.endDate().isAfter(time.today())) {
            throw DomainException.invalid("mutualaid.claim.dates");
        }
        if (form.totalCost().isNegative() || form.insurancePaid().isNegative() || form.selfPaid().isNegative()
                || form.insurancePaid().plus(form.selfPaid()).greaterThan(form.totalCost())) {
            throw DomainException.invalid("mutualaid.claim.costs");
        }
        if (form.hospital().length() > 100 || form.diagnosis().length() > 200 || form.invoiceNo().trim().length() > 40) {
            throw DomainException.invalid("mutualaid.claim.too-long");
        }
    }

    static String claimNo(CoverYear year, long id) {
        return "MA" + year.startYear() + "-" + String.format("%08d", id);
    }

    private static final String SUMMARY = """
            select c.id, c.member_id, c.org_path, c.project, c.cover_year, c.hospital, c.status,
                   coalesce(c.approved_amount, c.computed_amount) as amount, c.submitted_at from mutualaid_claim c""";

    private static ClaimSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        CoverYear year = new CoverYear(rs.getInt("cover_year"));
        Instant submitted = rs.getTimestamp("submitted_at").toInstant();
        return new ClaimSummary(rs.getLong("id"), claimNo(year, rs.getLong("id")), rs.getLong("member_id"),
                rs.getString("org_path"), rs.getString("project"), year, rs.getString("hospital"),
                ClaimStatus.valueOf(rs.getString("status")), Money.ofNullable(rs.getBigDecimal("amount")), submitted,
                Duration.between(submitted, Instant.now()).toDays());
    }
}

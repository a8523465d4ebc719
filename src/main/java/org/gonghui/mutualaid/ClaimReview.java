package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.gonghui.shared.DomainException;
import org.gonghui.shared.audit.AuditLog;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewing claims (审核): accept, request documents (补件), adjust with a reason, approve (maker-checker
 * above the plan's amount), reject with a reason. Only reviewers (or admins) whose subtree holds the
 * claim. Each action names the version the reviewer saw; if someone else acted in between, it fails
 * instead of overwriting — so of two reviewers approving at once, one wins.
 */
@Service
public class ClaimReview {

    private final Claims claims;
    private final ClaimRepository repository;
    private final ClaimRecords records;
    private final Plans plans;
    private final Enrolments enrolments;
    private final FundLedger ledger;
    private final ClaimPayments payments;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MutualAidProperties properties;
    private final PlatformTime time;

    ClaimReview(Claims claims, ClaimRepository repository, ClaimRecords records, Plans plans, Enrolments enrolments,
            FundLedger ledger, ClaimPayments payments, AuditLog audit, ApplicationEventPublisher events, MutualAidProperties properties, PlatformTime time) {
        this.time = time;
        this.claims = claims;
        this.repository = repository;
        this.records = records;
        this.plans = plans;
        this.enrolments = enrolments;
        this.ledger = ledger;
        this.payments = payments;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
    }

    @Transactional
    public ClaimView accept(CurrentUser reviewer, long claimId, Integer version) {
        Claim claim = reviewable(reviewer, claimId, version);
        claim.accept();
        recompute(claim);
        return save(claim, reviewer, "accepted", null);
    }

    /** Asks the member for more documents by a deadline (default: the configured number of days). */
    @Transactional
    public ClaimView requestDocuments(CurrentUser reviewer, long claimId, Integer version, List<DocumentType> items,
            String note, LocalDate deadline) {
        if (items == null || items.isEmpty()) {
            throw DomainException.invalid("mutualaid.claim.request.items-required");
        }
        LocalDate due = deadline != null ? deadline : time.today().plusDays(properties.documentDeadlineDays());
        if (due.isBefore(time.today())) {
            throw DomainException.invalid("mutualaid.claim.request.deadline-past");
        }
        Claim claim = reviewable(reviewer, claimId, version);
        claim.requestDocuments();
        int round = records.request(claimId, items, note, due, reviewer.getUsername());
        String detail = round + ": " + items.stream().map(Enum::name).collect(Collectors.joining(",")) + " / " + due;
        ClaimView view = save(claim, reviewer, "documents-requested", detail);
        events.publishEvent(new DocumentsRequested(claimId, view.memberId(), view.coverYear().startYear(),
                List.copyOf(items), due));
        return view;
    }

    @Transactional
    public ClaimView adjust(CurrentUser reviewer, long claimId, Integer version, Money amount, String reason) {
        Claim claim = reviewable(reviewer, claimId, version);
        if (claim.status() == ClaimStatus.UNDER_REVIEW) {
            recompute(claim);
        }
        claim.adjust(amount, reason);
        return save(claim, reviewer, "adjusted", amount + " " + reason.trim());
    }

    /** Approves with every required document in; see {@link #approve(CurrentUser, long, Integer, String)}. */
    @Transactional
    public ClaimView approve(CurrentUser reviewer, long claimId, Integer version) {
        return approve(reviewer, claimId, version, null);
    }

    /**
     * Approves; above the plan's amount the first approval waits for a second, different reviewer. A claim
     * with documents of its checklist missing is approved only when the reviewer overrides with a written
     * reason, which is kept on the timeline and in the audit log. A final approval recomputes the member's
     * other open claims of the year.
     */
    @Transactional
    public ClaimView approve(CurrentUser reviewer, long claimId, Integer version, String documentsOverride) {
        Claim claim = reviewable(reviewer, claimId, version);
        if (claim.status() == ClaimStatus.UNDER_REVIEW) {
            recompute(claim);
        }
        List<DocumentType> missing = claim.status() == ClaimStatus.UNDER_REVIEW
                || claim.status() == ClaimStatus.AWAITING_SECOND_APPROVAL ? claims.missing(claim) : List.of();
        if (!missing.isEmpty() && (documentsOverride == null || documentsOverride.isBlank())) {
            throw DomainException.invalid("mutualaid.claim.approve.documents-missing", Localised.documents(missing));
        }
        PlanView plan = plans.require(claim.planId());
        boolean approved = claim.approve(reviewer.getUsername(), plan.rules().secondApprovalAbove());
        ClaimView view = save(claim, reviewer, approved ? "approved" : "first-approval", claim.amountToPay().toString());
        if (!missing.isEmpty()) {
            String codes = missing.stream().map(Enum::name).collect(Collectors.joining(","));
            records.event(claimId, reviewer.getUsername(), "documents-overridden", codes + ": " + documentsOverride.trim());
            audit.record("mutualaid.claim.documents-override", "mutualaid_claim", claimId,
                    "missing " + codes + "; reason: " + documentsOverride.trim());
        }
        if (approved) {
            ledger.benefitApproved(claim.project(), claim.coverYear(), claimId, claim.amountToPay());
            payments.entitle(List.of(claim));
            events.publishEvent(new ClaimApproved(claimId, claim.memberId(), claim.amountToPay().amount()));
            claims.recomputeOpenClaims(claim.memberId(), claim.planId(), claimId, reviewer.getUsername());
        }
        return view;
    }

    /**
     * After the member fixed the account: the failed claim's payment waits for the next batch of the payment
     * engine again (administrators, within their scope).
     */
    @Transactional
    public void retryPayment(CurrentUser admin, long claimId) {
        payments.retry(admin, claimId);
    }

    /** Rejects with a reason; the member's other open claims of the year are recomputed (a first-stay subsidy moves on). */
    @Transactional
    public ClaimView reject(CurrentUser reviewer, long claimId, Integer version, String reason) {
        Claim claim = reviewable(reviewer, claimId, version);
        claim.reject(reason);
        ClaimView view = save(claim, reviewer, "rejected", reason.trim());
        claims.recomputeOpenClaims(claim.memberId(), claim.planId(), claimId, reviewer.getUsername());
        return view;
    }

    /** The rules' amount again, with the member's year as it is now (first-stay subsidy, caps, diseases). */
    void recompute(Claim claim) {
        PlanView plan = plans.require(claim.planId());
        EnrolmentView enrolment = enrolments.require(claim.enrolmentId());
        claim.recordBenefit(BenefitCalculator.compute(plan.rules(), enrolment.cover(), claim.facts(time.zone()),
                records.history(claim.memberId(), plan.id(), claim.id())));
    }

    private Claim reviewable(CurrentUser reviewer, long claimId, Integer version) {
        if (!reviewer.isStaff() || !(reviewer.has(Role.REVIEWER) || reviewer.has(Role.ADMIN))) {
            throw DomainException.forbidden("mutualaid.claim.reviewers-only");
        }
        Claim claim = claims.readable(reviewer, claimId);
        if (version != null && version != claim.version()) {
            throw new OptimisticLockingFailureException("claim " + claimId + " changed since version " + version);
        }
        return claim;
    }

    private ClaimView save(Claim claim, CurrentUser reviewer, String kind, String detail) {
        Claim saved = repository.save(claim);
        records.event(saved.id(), reviewer.getUsername(), kind, detail);
        audit.record("mutualaid.claim." + kind, "mutualaid_claim", saved.id(), detail);
        return saved.view();
    }
}

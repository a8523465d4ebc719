package org.gonghui.mutualaid;

import java.time.Instant;
import java.time.LocalDate;
import org.gonghui.shared.DomainException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A claim (理赔申请) and its state machine. Every move checks the current status and is saved with an
 * optimistic lock, so two reviewers acting at once cannot both succeed. Payment moves are conditional
 * updates in {@link Payouts}, never setters.
 */
@Table("mutualaid_claim")
class Claim {

    @Id
    private Long id;
    private Long memberId;
    private Long orgId;
    private String orgPath;
    private Long enrolmentId;
    private Long planId;
    private String project;
    private Integer coverYear;
    private BenefitKind claimType;
    private String hospital;
    private LocalDate eventDate;
    private LocalDate endDate;
    private String diagnosis;
    private String disease;
    private java.math.BigDecimal totalCost;
    private java.math.BigDecimal insurancePaid;
    private java.math.BigDecimal selfPaid;
    private String invoiceNo;
    private ClaimStatus status;
    private java.math.BigDecimal computedAmount;
    private java.math.BigDecimal approvedAmount;
    private String adjustmentReason;
    private String explanation;
    private String firstApprover;
    private String secondApprover;
    private String decisionReason;
    private String submittedBy;
    private Instant submittedAt;
    private Instant updatedAt;
    private Instant decidedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Claim() {
    }

    static Claim submit(EnrolmentView enrolment, long planId, BenefitKind kind, ClaimForm form, Benefit benefit,
            String by) {
        Claim claim = new Claim();
        claim.memberId = enrolment.memberId();
        claim.orgId = enrolment.orgId();
        claim.orgPath = enrolment.orgPath();
        claim.enrolmentId = enrolment.id();
        claim.planId = planId;
        claim.project = enrolment.project();
        claim.coverYear = enrolment.coverYear().startYear();
        claim.claimType = kind;
        claim.hospital = form.hospital().trim();
        claim.eventDate = form.eventDate();
        claim.endDate = form.endDate();
        claim.diagnosis = form.diagnosis().trim();
        claim.disease = kind == BenefitKind.FIXED_SUM ? form.disease() : null;
        claim.totalCost = form.totalCost().amount();
        claim.insurancePaid = form.insurancePaid().amount();
        claim.selfPaid = form.selfPaid().amount();
        claim.invoiceNo = form.invoiceNo().trim();
        claim.status = ClaimStatus.SUBMITTED;
        claim.recordBenefit(benefit);
        claim.submittedBy = by;
        claim.submittedAt = Instant.now();
        claim.updatedAt = claim.submittedAt;
        return claim;
    }

    void accept() {
        require(ClaimStatus.SUBMITTED);
        moveTo(ClaimStatus.UNDER_REVIEW);
    }

    void requestDocuments() {
        require(ClaimStatus.UNDER_REVIEW, ClaimStatus.SUBMITTED);
        moveTo(ClaimStatus.AWAITING_DOCUMENTS);
    }

    void documentsProvided() {
        require(ClaimStatus.AWAITING_DOCUMENTS);
        moveTo(ClaimStatus.UNDER_REVIEW);
    }

    /** The rules' amount, recomputed during review (the year's history may have changed since submission). */
    void recordBenefit(Benefit benefit) {
        this.computedAmount = benefit.amount().amount();
        this.explanation = ExplanationLine.encodeAll(benefit.lines());
    }

    /**
     * A reviewer sets the amount to pay instead of the computed one (核减): only with a written reason, and
     * never below 0 or above what the rules pay for this claim — a reviewer may lower the amount, not invent one.
     */
    void adjust(Money amount, String reason) {
        require(ClaimStatus.UNDER_REVIEW);
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("mutualaid.claim.adjust.reason-required");
        }
        if (amount == null || amount.isNegative()) {
            throw DomainException.invalid("mutualaid.claim.adjust.amount");
        }
        requireWithinRules(amount);
        this.approvedAmount = amount.amount();
        this.adjustmentReason = reason.trim();
        touch();
    }

    /**
     * Approves: above {@code secondApprovalAbove} the first approval only records the maker and waits for a
     * checker, who must be someone else. Answers true when the claim is finally approved.
     */
    boolean approve(String reviewer, Money secondApprovalAbove) {
        if (approvedAmount != null) {
            requireWithinRules(new Money(approvedAmount));
        }
        Money amount = amountToPay();
        if (!amount.isPositive()) {
            throw DomainException.invalid("mutualaid.claim.approve.nothing-to-pay");
        }
        if (status == ClaimStatus.AWAITING_SECOND_APPROVAL) {
            if (reviewer.equals(firstApprover)) {
                throw DomainException.forbidden("mutualaid.claim.approve.same-reviewer");
            }
            this.secondApprover = reviewer;
            decide(ClaimStatus.APPROVED);
            return true;
        }
        require(ClaimStatus.UNDER_REVIEW);
        this.firstApprover = reviewer;
        if (amount.greaterThan(secondApprovalAbove)) {
            moveTo(ClaimStatus.AWAITING_SECOND_APPROVAL);
            return false;
        }
        decide(ClaimStatus.APPROVED);
        return true;
    }

    void reject(String reason) {
        require(ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW, ClaimStatus.AWAITING_DOCUMENTS,
                ClaimStatus.AWAITING_SECOND_APPROVAL);
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("mutualaid.claim.reject.reason-required");
        }
        this.decisionReason = reason.trim();
        decide(ClaimStatus.REJECTED);
    }

    /** An adjusted amount may not exceed what the rules pay (which may have dropped since, on recomputing). */
    private void requireWithinRules(Money amount) {
        Money rules = new Money(computedAmount);
        if (amount.greaterThan(rules)) {
            throw DomainException.invalid("mutualaid.claim.adjust.above-rules", Localised.amount(rules));
        }
    }

    Money amountToPay() {
        return new Money(approvedAmount != null ? approvedAmount : computedAmount);
    }

    private void decide(ClaimStatus decided) {
        moveTo(decided);
        this.decidedAt = updatedAt;
    }

    private void require(ClaimStatus... allowed) {
        for (ClaimStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw DomainException.conflict("mutualaid.claim.illegal-move", Localised.status(status));
    }

    private void moveTo(ClaimStatus next) {
        this.status = next;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }

    Long id() { return id; }
    long memberId() { return memberId; }
    String orgPath() { return orgPath; }
    long enrolmentId() { return enrolmentId; }
    long planId() { return planId; }
    String project() { return project; }
    CoverYear coverYear() { return new CoverYear(coverYear); }
    BenefitKind claimType() { return claimType; }
    ClaimStatus status() { return status; }
    String firstApprover() { return firstApprover; }
    String invoiceNo() { return invoiceNo; }
    int version() { return version == null ? 0 : version; }
    Instant decidedAt() { return decidedAt; }
    Instant updatedAt() { return updatedAt; }
    String secondApprover() { return secondApprover; }
    String explanation() { return explanation; }
    String disease() { return disease; }
    LocalDate eventDate() { return eventDate; }
    java.math.BigDecimal computedAmount() { return computedAmount; }

    /** The facts the rules judge; the day the claim was filed is counted in {@code zone}, the platform's. */
    BenefitCalculator.ClaimFacts facts(java.time.ZoneId zone) {
        return new BenefitCalculator.ClaimFacts(eventDate, endDate, submittedAt.atZone(zone)
                .toLocalDate(), new Money(selfPaid), disease);
    }

    ClaimView view() {
        return new ClaimView(id, memberId, orgId, orgPath, project, coverYear(), claimType, hospital, eventDate, endDate,
                diagnosis, disease, new Money(totalCost), new Money(insurancePaid), new Money(selfPaid), invoiceNo, status,
                Money.ofNullable(computedAmount), Money.ofNullable(approvedAmount), adjustmentReason,
                ExplanationLine.decodeAll(explanation), firstApprover, secondApprover, decisionReason, submittedBy,
                submittedAt, updatedAt, decidedAt, version());
    }
}

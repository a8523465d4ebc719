package org.gonghui.mutualaid;

import java.time.LocalDate;
import java.util.List;

/**
 * What the member must do next on a claim, or what they are waiting for: the one sentence the claim list and
 * the claim page lead with. A claim waiting on the member's documents says which and by when; a decided claim
 * says when it was (or will be) paid, or why not. Pure: the same claim always gives the same step.
 *
 * @param documents the documents the member still has to upload (empty unless {@link #kind()} asks for them)
 * @param date      the deadline for {@link Kind#SEND_REQUESTED}, the expected payment for {@link Kind#WAIT_PAYMENT},
 *                  the day paid for {@link Kind#PAID}; may be {@code null}
 * @param reason    why a claim was refused, for {@link Kind#REJECTED}
 */
public record NextStep(Kind kind, List<DocumentType> documents, LocalDate date, String reason) {

    public enum Kind {
        /** 待补件: upload what reviewers asked for by the deadline, then say so. */
        SEND_REQUESTED(true),
        /** 待补件 with everything uploaded: tap "documents complete" so reviewers look again. */
        CONFIRM_DOCUMENTS(true),
        /** Still in review, but checklist documents are missing: upload them, review cannot finish without. */
        UPLOAD_MISSING(true),
        /** Nothing to do: reviewers have it. */
        WAIT_REVIEW(false),
        /** Approved and waiting for (or in) a bank transfer. */
        WAIT_PAYMENT(false),
        PAID(false),
        REJECTED(false),
        /** The transfer failed: the member's bank details need checking with their union. */
        PAYMENT_FAILED(true);

        private final boolean memberActs;

        Kind(boolean memberActs) {
            this.memberActs = memberActs;
        }
    }

    public NextStep {
        documents = List.copyOf(documents);
    }

    /** Whether the member has something to do (the pages make it stand out). */
    public boolean memberActs() {
        return kind.memberActs;
    }

    /** The message {@code mutualaid.next.<KIND>} (and {@code …​.no-date} when there is no date to show). */
    public String messageCode() {
        return "mutualaid.next." + kind.name() + (date == null && (kind == Kind.WAIT_PAYMENT || kind == Kind.PAID
                || kind == Kind.SEND_REQUESTED) ? ".no-date" : "");
    }

    public static NextStep of(ClaimStatus status, List<DocumentType> missing, DocumentRequestView openRequest,
            LocalDate expectedPaymentBy, LocalDate paidOn, String decisionReason) {
        switch (status) {
            case AWAITING_DOCUMENTS:
                return missing.isEmpty() ? step(Kind.CONFIRM_DOCUMENTS)
                        : new NextStep(Kind.SEND_REQUESTED, missing, openRequest == null ? null : openRequest.deadline(), null);
            case SUBMITTED:
            case UNDER_REVIEW:
            case AWAITING_SECOND_APPROVAL:
                return missing.isEmpty() ? step(Kind.WAIT_REVIEW) : new NextStep(Kind.UPLOAD_MISSING, missing, null, null);
            case APPROVED:
            case IN_PAYMENT:
                return new NextStep(Kind.WAIT_PAYMENT, List.of(), expectedPaymentBy, null);
            case PAID:
                return new NextStep(Kind.PAID, List.of(), paidOn, null);
            case REJECTED:
                return new NextStep(Kind.REJECTED, List.of(), null, decisionReason);
            case PAYMENT_FAILED:
                return step(Kind.PAYMENT_FAILED);
            default:
                throw new IllegalArgumentException("no next step for " + status);
        }
    }

    private static NextStep step(Kind kind) {
        return new NextStep(kind, List.of(), null, null);
    }
}

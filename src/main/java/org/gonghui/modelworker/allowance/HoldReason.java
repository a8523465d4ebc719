package org.gonghui.modelworker.allowance;

/** Why a month's allowance is held instead of entitled: released when the reason is gone. */
public enum HoldReason {
    /** A retiree's yearly attestation (proof of life) had run out before the month began. */
    ATTESTATION_OVERDUE,
    /** The model worker has no member record to pay to (the payment engine pays members). */
    NOT_A_MEMBER
}

package org.gonghui.mutualaid;

import java.util.EnumSet;
import java.util.Set;

/** Where a claim stands. Payment moves only forward: a claim is paid at most once. */
public enum ClaimStatus {
    /** 已提交 */
    SUBMITTED,
    /** 审核中 */
    UNDER_REVIEW,
    /** 待补件 */
    AWAITING_DOCUMENTS,
    /** 待复核: approved by one reviewer, above the amount that needs a second */
    AWAITING_SECOND_APPROVAL,
    /** 已核准, waiting for a payout batch */
    APPROVED,
    /** 未通过 */
    REJECTED,
    /** 支付中: in a payout batch sent to the bank */
    IN_PAYMENT,
    /** 已支付 */
    PAID,
    /** 支付失败: may be paid again in a later batch once the account is fixed */
    PAYMENT_FAILED;

    /** Statuses whose amount counts as granted in the member's cover year. */
    public static final Set<ClaimStatus> GRANTED = EnumSet.of(APPROVED, IN_PAYMENT, PAID, PAYMENT_FAILED);

    /** Statuses a reviewer still has to act on. */
    public static final Set<ClaimStatus> OPEN = EnumSet.of(SUBMITTED, UNDER_REVIEW, AWAITING_DOCUMENTS,
            AWAITING_SECOND_APPROVAL);

    public boolean isDecided() {
        return this == REJECTED || GRANTED.contains(this);
    }
}

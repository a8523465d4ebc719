package org.gonghui.payment;

/** Where an entitlement stands. It is paid at most once; only ENTITLED or FAILED can be cancelled. */
public enum EntitlementStatus {
    /** 待支付: waiting for a batch (or for a payee account) */
    ENTITLED,
    /** 支付中: on a batch sent to the bank */
    IN_PAYMENT,
    /** 已支付 */
    PAID,
    /** 支付失败: the bank refused it; retried once the account is fixed */
    FAILED,
    /** 已取消 */
    CANCELLED
}

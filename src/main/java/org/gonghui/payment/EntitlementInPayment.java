package org.gonghui.payment;

/** The entitlement went onto a batch for the bank. Published synchronously inside the engine's transaction. */
public record EntitlementInPayment(long entitlementId, String programme, String sourceRef, long memberId,
        String batchNo) {
}

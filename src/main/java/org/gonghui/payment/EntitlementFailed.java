package org.gonghui.payment;

/** The bank refused the payment. Published synchronously inside the engine's transaction. */
public record EntitlementFailed(long entitlementId, String programme, String sourceRef, long memberId,
        String message) {
}

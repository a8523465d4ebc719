package org.gonghui.payment;

/**
 * The bank refused the payment. Published synchronously inside the engine's transaction. The bank's message may name
 * the payee: never sent to other instances.
 */
@org.gonghui.shared.events.StaysInProcess
public record EntitlementFailed(long entitlementId, String programme, String sourceRef, long memberId,
        String message) {
}

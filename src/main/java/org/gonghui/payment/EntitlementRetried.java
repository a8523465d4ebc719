package org.gonghui.payment;

/** A failed entitlement is waiting for the next batch again. Published synchronously inside the engine's transaction. */
public record EntitlementRetried(long entitlementId, String programme, String sourceRef, long memberId) {
}

package org.gonghui.payment;

import java.math.BigDecimal;

/**
 * What one member is owed once. {@code (programme, sourceRef)} is the source module's key, which makes
 * {@link Entitlements#entitle} idempotent ({@code "claim:42"}, {@code "grant:17"}, {@code "allowance:2026-11:5"});
 * {@code orgPath} is the organisation tree path whose staff pay it; {@code purpose} the short text on the bank file.
 */
public record EntitlementRequest(String programme, String sourceRef, long memberId, String orgPath,
        BigDecimal amount, String purpose) {
}

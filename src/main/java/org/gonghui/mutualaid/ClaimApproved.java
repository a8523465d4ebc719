package org.gonghui.mutualaid;

import java.math.BigDecimal;

/** A claim was finally approved (after maker-checker where it applies); published for other modules. */
public record ClaimApproved(long claimId, long memberId, BigDecimal amount) {
}

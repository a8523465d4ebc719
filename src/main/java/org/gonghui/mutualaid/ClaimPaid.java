package org.gonghui.mutualaid;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The bank confirmed a claim's payment; published once per claim. */
public record ClaimPaid(long claimId, long memberId, BigDecimal amount, LocalDate paidOn) {
}

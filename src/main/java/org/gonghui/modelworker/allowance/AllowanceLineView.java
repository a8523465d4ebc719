package org.gonghui.modelworker.allowance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** One month's allowance of one model worker as made by a run. */
public record AllowanceLineView(long id, long workerId, YearMonth month, BigDecimal amount, int days, int monthDays,
        LineStatus status, HoldReason holdReason, Long entitlementId, Instant releasedAt, Instant paidAt) {

    /** The payment engine's key of this line. */
    public String sourceRef() {
        return AllowanceLines.sourceRef(month, workerId);
    }

    public boolean partMonth() {
        return days < monthDays;
    }
}

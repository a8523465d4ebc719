package org.gonghui.modelworker.allowance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One allowance run: the month, the subtree it ran for, how many months it entitled and held, how many it found
 * made already (by an earlier run), the amount entitled, and how long it took.
 */
public record RunView(long id, YearMonth month, String orgPath, Instant startedAt, String by, int entitled, int held,
        int already, BigDecimal amount, long millis) {
}

package org.gonghui.card.loan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An application as the member and staff see it, with the bank's decision once imported. */
public record LoanApplicationView(long id, String applicationNo, long memberId, String memberName, String cardMasked,
        BigDecimal amount, int termMonths, String purpose, LoanStatus status, Instant appliedAt, Instant referredAt,
        BigDecimal approvedAmount, BigDecimal annualRate, LocalDate decidedOn) {

    /** 申请编号: what the bank's decision file quotes. */
    public static String number(long id) {
        return "LT" + String.format("%08d", id);
    }

    /** The id in an application number, or -1 when it is none. */
    public static long idOf(String applicationNo) {
        String text = applicationNo == null ? "" : applicationNo.strip().toUpperCase(java.util.Locale.ROOT);
        if (!text.matches("LT[0-9]{8,12}")) {
            return -1;
        }
        return Long.parseLong(text.substring(2));
    }
}

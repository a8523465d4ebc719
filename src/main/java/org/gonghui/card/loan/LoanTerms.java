package org.gonghui.card.loan;

import java.math.BigDecimal;
import org.gonghui.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a member may ask for, as configuration: at most {@code gonghui.card.loan.limit} yuan (100,000 in the
 * article), for 1 to {@code gonghui.card.loan.max-term-months} months. The bank's rate is a yearly percentage
 * above 0 and at most 36 (the legal ceiling the bank works under).
 */
@Component
public class LoanTerms {

    static final BigDecimal MAX_RATE = new BigDecimal("36");

    private final BigDecimal limit;
    private final int maxTermMonths;

    LoanTerms(@Value("${gonghui.card.loan.limit:100000}") BigDecimal limit,
            @Value("${gonghui.card.loan.max-term-months:60}") int maxTermMonths) {
        this.limit = limit;
        this.maxTermMonths = maxTermMonths;
    }

    public BigDecimal limit() {
        return limit;
    }

    public int maxTermMonths() {
        return maxTermMonths;
    }

    /** Refuses an amount that is not a positive sum of yuan and fen within the limit. */
    void checkAmount(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("card.loan.amount.invalid");
        }
        if (amount.compareTo(limit) > 0) {
            throw DomainException.invalid("card.loan.amount.over-limit", limit.toPlainString());
        }
    }

    void checkTerm(Integer months) {
        if (months == null || months < 1 || months > maxTermMonths) {
            throw DomainException.invalid("card.loan.term.invalid", String.valueOf(maxTermMonths));
        }
    }

    static boolean plausibleRate(BigDecimal rate) {
        return rate != null && rate.signum() > 0 && rate.compareTo(MAX_RATE) <= 0 && rate.stripTrailingZeros().scale() <= 4;
    }
}

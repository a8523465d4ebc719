package org.gonghui.modelworker.allowance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.shared.DomainException;

/**
 * One version of a level's honour allowance: the amount per month or per year from {@code validFrom} (a month's
 * first day) until the next version of the same level.
 */
public record ScheduleVersion(long id, ModelWorkerLevel level, LocalDate validFrom, AllowancePeriod period,
        BigDecimal amount, String note) {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

    public ScheduleVersion {
        if (level == null || period == null || validFrom == null || amount == null) {
            throw DomainException.invalid("modelworker.schedule.incomplete");
        }
        if (validFrom.getYear() < 2000 || validFrom.getYear() > 2100) {
            throw DomainException.invalid("modelworker.schedule.year");
        }
        if (validFrom.getDayOfMonth() != 1) {
            throw DomainException.invalid("modelworker.schedule.first-of-month");
        }
        if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("modelworker.schedule.amount");
        }
        amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * The full amount for one whole month. A yearly amount is spread over the months: each month gets a twelfth
     * rounded down to the fen, December gets the rest, so twelve whole months add up to the yearly amount exactly.
     */
    public BigDecimal monthAmount(YearMonth month) {
        if (period == AllowancePeriod.MONTHLY) {
            return amount;
        }
        BigDecimal twelfth = amount.divide(BigDecimal.valueOf(12), 2, RoundingMode.DOWN);
        return month.getMonth() == Month.DECEMBER ? amount.subtract(twelfth.multiply(BigDecimal.valueOf(11))) : twelfth;
    }
}

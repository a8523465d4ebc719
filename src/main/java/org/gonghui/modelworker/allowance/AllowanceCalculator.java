package org.gonghui.modelworker.allowance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The honour allowance of one model worker for one month: a pure function of the worker's terms and the level's
 * schedule versions, with its explanation. The rules (docs/modelworker.md):
 * <ul>
 * <li>the version in force on the month's first day applies to the whole month (versions start on a first day);</li>
 * <li>the days due run from the later of the allowance's start and the month's first day to the earlier of the
 * last day due ({@link AllowanceTerms#lastDay()}: the day of death, the day before a revocation) and the month's
 * end; a part month gets {@code monthAmount × days ÷ daysInMonth}, rounded once, half-up, to the fen;</li>
 * <li>a retiree whose attestation ran out before the month's first day is held ({@link HoldReason#ATTESTATION_OVERDUE}),
 * as is a worker without a member record ({@link HoldReason#NOT_A_MEMBER}).</li>
 * </ul>
 */
public final class AllowanceCalculator {

    private AllowanceCalculator() {
    }

    public static MonthlyAllowance calculate(YearMonth month, AllowanceTerms terms, List<ScheduleVersion> versions) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<MonthlyAllowance.Explanation> lines = new ArrayList<>();
        LocalDate from = terms.allowanceFrom().isAfter(first) ? terms.allowanceFrom() : first;
        LocalDate lastDue = terms.lastDay();
        LocalDate to = lastDue != null && lastDue.isBefore(last) ? lastDue : last;
        if (terms.allowanceFrom().isAfter(last)) {
            lines.add(MonthlyAllowance.Explanation.of("not-started", terms.allowanceFrom()));
            return notDue(month, terms, lines);
        }
        if (to.isBefore(from)) {
            lines.add(MonthlyAllowance.Explanation.of(terms.deceasedOn() != null && terms.lastDay().equals(terms.deceasedOn())
                    ? "ended-death" : "ended-revoked", lastDue));
            return notDue(month, terms, lines);
        }
        Optional<ScheduleVersion> version = inForce(versions, terms, first);
        if (version.isEmpty()) {
            lines.add(MonthlyAllowance.Explanation.of("no-schedule", terms.level()));
            return notDue(month, terms, lines);
        }
        ScheduleVersion schedule = version.get();
        BigDecimal full = schedule.monthAmount(month);
        lines.add(schedule.period() == AllowancePeriod.MONTHLY
                ? MonthlyAllowance.Explanation.of("schedule-monthly", schedule.validFrom(), schedule.amount())
                : MonthlyAllowance.Explanation.of("schedule-yearly", schedule.validFrom(), schedule.amount(), full));
        int monthDays = month.lengthOfMonth();
        int days = to.getDayOfMonth() - from.getDayOfMonth() + 1;
        BigDecimal amount = full;
        if (days < monthDays) {
            amount = full.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(monthDays), 2, RoundingMode.HALF_UP);
            lines.add(MonthlyAllowance.Explanation.of("part-month", from, to, days, monthDays, amount));
        } else {
            lines.add(MonthlyAllowance.Explanation.of("whole-month", amount));
        }
        HoldReason held = null;
        if (terms.retiredBy(first) && (terms.attestedUntil() == null || terms.attestedUntil().isBefore(first))) {
            held = HoldReason.ATTESTATION_OVERDUE;
            lines.add(MonthlyAllowance.Explanation.of("held-attestation", terms.attestedUntil() == null ? "-" : terms.attestedUntil()));
        } else if (terms.memberId() == null) {
            held = HoldReason.NOT_A_MEMBER;
            lines.add(MonthlyAllowance.Explanation.of("held-not-member"));
        }
        return new MonthlyAllowance(terms.workerId(), month, true, amount, days, monthDays, schedule.id(), held, lines);
    }

    /** The level's version in force on the day: the latest that starts on or before it. */
    static Optional<ScheduleVersion> inForce(List<ScheduleVersion> versions, AllowanceTerms terms, LocalDate day) {
        ScheduleVersion found = null;
        for (ScheduleVersion v : versions) {
            if (v.level() == terms.level() && !v.validFrom().isAfter(day)
                    && (found == null || v.validFrom().isAfter(found.validFrom()))) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    private static MonthlyAllowance notDue(YearMonth month, AllowanceTerms terms, List<MonthlyAllowance.Explanation> lines) {
        return new MonthlyAllowance(terms.workerId(), month, false, BigDecimal.ZERO.setScale(2), 0, month.lengthOfMonth(),
                null, null, lines);
    }
}

package org.gonghui.modelworker.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * One model worker's allowance for one month, with its explanation: {@code due} false when nothing is owed (not
 * started, ended, no schedule); otherwise the amount for {@code days} of {@code monthDays}, entitled or
 * {@code held} for a reason.
 */
public record MonthlyAllowance(long workerId, YearMonth month, boolean due, BigDecimal amount, int days, int monthDays,
        Long scheduleId, HoldReason held, List<Explanation> explanation) {

    public MonthlyAllowance {
        explanation = List.copyOf(explanation);
    }

    /** A line of the explanation: a message code ({@code modelworker.explain.<code>}) with its arguments. */
    public record Explanation(String code, List<String> args) {

        public Explanation {
            args = List.copyOf(args);
        }

        static Explanation of(String code, Object... args) {
            return new Explanation(code, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }

        public Object[] argsArray() {
            return args.toArray();
        }
    }

    public boolean entitled() {
        return due && held == null;
    }
}

package org.gonghui.aid.grant;

import java.math.BigDecimal;
import org.gonghui.shared.DomainException;

/** Amounts of aid: yuan with at most two decimals, stored exactly as whole fen. */
public final class Amounts {

    private Amounts() {
    }

    /** A positive amount in yuan as fen; refused (not rounded) with more than two decimals. */
    public static long fen(BigDecimal yuan) {
        if (yuan == null || yuan.signum() <= 0) {
            throw DomainException.invalid("aid.amount.positive");
        }
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw DomainException.invalid("aid.amount.fen");
        }
        try {
            return yuan.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw DomainException.invalid("aid.amount.fen");
        }
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}

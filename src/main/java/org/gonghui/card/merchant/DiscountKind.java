package org.gonghui.card.merchant;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a discount is given: percent off, a fixed amount off (fen), or a member price (fen, the member pays that). */
public enum DiscountKind {
    PERCENT, AMOUNT, MEMBER_PRICE;

    /** The discount in fen on a bill of {@code billFen}: never negative, never more than the bill. */
    public long discountOn(long billFen, long amount) {
        long off = switch (this) {
            case PERCENT -> BigDecimal.valueOf(billFen).multiply(BigDecimal.valueOf(amount))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValue();
            case AMOUNT -> amount;
            case MEMBER_PRICE -> billFen - amount;
        };
        return Math.max(0, Math.min(billFen, off));
    }

    public boolean validAmount(long amount) {
        return amount > 0 && (this != PERCENT || amount < 100);
    }
}

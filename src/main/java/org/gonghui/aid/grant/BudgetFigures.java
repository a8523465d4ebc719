package org.gonghui.aid.grant;

import java.math.BigDecimal;

/**
 * A budget's arithmetic in fen: what was granted for the year, what approvals have committed, what remains. The
 * database holds the same rule as a check constraint (committed between 0 and the amount), so no two approvals at once
 * can take it below zero; this type is what pages and the approval's refusal explain it with.
 */
public record BudgetFigures(long amountFen, long committedFen) {

    public BudgetFigures {
        if (amountFen < 0 || committedFen < 0 || committedFen > amountFen) {
            throw new IllegalArgumentException("budget out of balance: " + committedFen + " of " + amountFen);
        }
    }

    public long remainingFen() {
        return amountFen - committedFen;
    }

    public boolean covers(long fen) {
        return fen > 0 && fen <= remainingFen();
    }

    /** The figures after committing {@code fen}; refused when they do not cover it. */
    public BudgetFigures commit(long fen) {
        if (!covers(fen)) {
            throw new IllegalArgumentException("budget does not cover " + fen);
        }
        return new BudgetFigures(amountFen, committedFen + fen);
    }

    /** Whether the amount may be set to {@code newAmountFen}: never below what is committed already. */
    public boolean mayResizeTo(long newAmountFen) {
        return newAmountFen >= committedFen;
    }

    public BigDecimal amount() {
        return Amounts.yuan(amountFen);
    }

    public BigDecimal committed() {
        return Amounts.yuan(committedFen);
    }

    public BigDecimal remaining() {
        return Amounts.yuan(remainingFen());
    }

    /** The share committed, in whole per cent (rounded down), for a bar on the page. */
    public int percentCommitted() {
        return amountFen == 0 ? 0 : (int) (committedFen * 100 / amountFen);
    }
}

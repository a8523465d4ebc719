package org.gonghui.payment;

import java.math.BigDecimal;

/**
 * A programme's trial balance: each account's balance (debits positive, credits negative). {@code balanced} is
 * whether all balances add up to zero; {@code expense} = entitled − cancelled, {@code payable} = −(owed, not yet
 * paid), {@code bank} = −paid.
 */
public record LedgerBalances(String programme, BigDecimal expense, BigDecimal payable, BigDecimal bank,
        long transactions) {

    public boolean balanced() {
        return expense.add(payable).add(bank).signum() == 0;
    }
}

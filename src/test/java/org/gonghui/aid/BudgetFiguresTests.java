package org.gonghui.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.gonghui.aid.grant.Amounts;
import org.gonghui.aid.grant.BudgetFigures;
import org.gonghui.shared.DomainException;
import org.junit.jupiter.api.Test;

/** A budget's arithmetic in exact fen: what remains, what it covers, never overspent, never resized below committed. */
class BudgetFiguresTests {

    @Test
    void coversExactlyWhatRemainsAndNotOneFenMore() {
        BudgetFigures budget = new BudgetFigures(Amounts.fen(new BigDecimal("10000.00")), Amounts.fen(new BigDecimal("7000.01")));
        assertThat(budget.remaining()).isEqualByComparingTo("2999.99");
        assertThat(budget.covers(299_999)).isTrue();
        assertThat(budget.covers(300_000)).isFalse();
        assertThat(budget.covers(0)).isFalse();
        BudgetFigures spent = budget.commit(299_999);
        assertThat(spent.remainingFen()).isZero();
        assertThat(spent.committed()).isEqualByComparingTo("10000.00");
        assertThat(spent.percentCommitted()).isEqualTo(100);
        assertThatThrownBy(() -> spent.commit(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBudgetOutOfBalanceCannotExist() {
        assertThatThrownBy(() -> new BudgetFigures(100, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BudgetFigures(100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new BudgetFigures(0, 0).percentCommitted()).isZero();
    }

    @Test
    void mayBeResizedDownToWhatIsCommittedButNotBelow() {
        BudgetFigures budget = new BudgetFigures(500_000, 200_000);
        assertThat(budget.mayResizeTo(200_000)).isTrue();
        assertThat(budget.mayResizeTo(199_999)).isFalse();
        assertThat(budget.percentCommitted()).isEqualTo(40);
    }

    @Test
    void amountsAreExactFenAndRefusedRatherThanRounded() {
        assertThat(Amounts.fen(new BigDecimal("2000"))).isEqualTo(200_000);
        assertThat(Amounts.fen(new BigDecimal("0.10"))).isEqualTo(10);
        assertThat(Amounts.fen(new BigDecimal("12.500"))).isEqualTo(1250);
        assertThat(Amounts.yuan(1)).isEqualByComparingTo("0.01").hasToString("0.01");
        assertThatThrownBy(() -> Amounts.fen(new BigDecimal("0.001"))).isInstanceOf(DomainException.class)
                .hasMessageContaining("aid.amount.fen");
        assertThatThrownBy(() -> Amounts.fen(BigDecimal.ZERO)).hasMessageContaining("aid.amount.positive");
        assertThatThrownBy(() -> Amounts.fen(new BigDecimal("-5"))).hasMessageContaining("aid.amount.positive");
        assertThatThrownBy(() -> Amounts.fen(null)).hasMessageContaining("aid.amount.positive");
    }
}

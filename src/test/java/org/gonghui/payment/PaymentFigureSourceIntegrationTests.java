package org.gonghui.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.support.FigureTotals;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What each programme paid, summed over the city, a district and a township, is {@link PaymentFigures}'s. */
@IntegrationTest
class PaymentFigureSourceIntegrationTests {

    @Autowired PaymentFigureSource source;
    @Autowired PaymentFigures figures;
    @Autowired Organisations organisations;

    @Test
    void theSumsOverASubtreeAreThePaymentFigures() {
        int year = PlatformZone.today().getYear();
        long seen = 0;
        for (int y : new int[] {year - 1, year}) {
            FigureTotals totals = FigureTotals.collect(source, y, organisations);
            for (String code : List.of("NB", "NB-HS", "NB-HS-T01")) {
                TreePath scope = organisations.findByCode(code).orElseThrow().treePath();
                List<PaymentFigures.Paid> expected = figures.of(scope, y);
                for (String programme : PaymentFigureSource.PROGRAMMES.keySet()) {
                    PaymentFigures.Paid paid = expected.stream().filter(p -> p.programme().equals(programme)).findFirst()
                            .orElse(new PaymentFigures.Paid(programme, 0, java.math.BigDecimal.ZERO));
                    assertThat(totals.sum(PaymentFigureSource.paid(programme), scope)).as(programme + " " + code + " " + y)
                            .isEqualTo(paid.payments());
                    assertThat(totals.sum(PaymentFigureSource.paidAmount(programme), scope)).as(programme + " " + code)
                            .isEqualTo(paid.amount().movePointRight(2).longValueExact());
                    seen += paid.payments();
                }
            }
        }
        assertThat(seen).as("the demo payments are counted").isPositive();
    }
}

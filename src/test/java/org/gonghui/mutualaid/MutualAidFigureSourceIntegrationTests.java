package org.gonghui.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.support.FigureTotals;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mutual aid's dashboard figures: the city's enrolments of each cover year are the plans' own counts, the fund's
 * balance at the end of this year is the ledger's bank balance over every fund (and sits at the root only), and the
 * district's and township's figures are those of their members' enrolments and claims.
 */
@IntegrationTest
class MutualAidFigureSourceIntegrationTests {

    @Autowired MutualAidFigureSource source;
    @Autowired Plans plans;
    @Autowired Fund fund;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;

    @Test
    void theSumsAreThePlansCountsAndTheFundsBalance() {
        int year = PlatformZone.today().getYear();
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        long seen = 0;
        for (int y : new int[] {year - 1, year}) {
            FigureTotals totals = FigureTotals.collect(source, y, organisations);
            long enrolled = 0;
            for (PlanView plan : plans.of(new CoverYear(y))) {
                enrolled += plans.enrolments(plan.id());
            }
            assertThat(totals.sum("mutualaid.enrolments", city.treePath())).as("city " + y).isEqualTo(enrolled);
            seen += enrolled;
            for (String code : List.of("NB-HS", "NB-HS-T01")) {
                OrganisationView scope = organisations.findByCode(code).orElseThrow();
                long byPath = jdbc.sql("select count(*) from mutualaid_enrolment where cover_year = :y and org_path like :p")
                        .param("y", y).param("p", scope.path() + "%").query(Long.class).single();
                assertThat(totals.sum("mutualaid.enrolments", scope.treePath())).as(code + " " + y).isEqualTo(byPath);
                long submitted = jdbc.sql("""
                        select count(*) from mutualaid_claim where org_path like :p and submitted_at >= :f and submitted_at < :t""")
                        .param("p", scope.path() + "%")
                        .param("f", Timestamp.from(LocalDate.of(y, 1, 1).atStartOfDay(PlatformZone.ZONE).toInstant()))
                        .param("t", Timestamp.from(LocalDate.of(y + 1, 1, 1).atStartOfDay(PlatformZone.ZONE).toInstant()))
                        .query(Long.class).single();
                assertThat(totals.sum("mutualaid.claimsSubmitted", scope.treePath())).as(code + " " + y)
                        .isEqualTo(submitted);
                assertThat(totals.sum("mutualaid.fundBalance", scope.treePath())).as("the fund is the city's").isZero();
            }
        }
        assertThat(seen).as("the demo enrolments are counted").isPositive();

        BigDecimal bank = BigDecimal.ZERO;
        for (CoverYear coverYear : plans.years()) {
            for (PlanView plan : plans.of(coverYear)) {
                bank = bank.add(fund.balances(plan.project(), coverYear).get(FundAccount.BANK).amount());
            }
        }
        FigureTotals now = FigureTotals.collect(source, year, organisations);
        assertThat(now.of(city.id()).get("mutualaid.fundBalance")).isEqualTo(bank.movePointRight(2).longValueExact());
        assertThat(now.sum("mutualaid.fundBalance", city.treePath())).isEqualTo(bank.movePointRight(2).longValueExact());
    }
}

package org.gonghui.modelworker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.FigureTotals;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The model workers' dashboard figures, summed over a subtree, are {@link ModelWorkerFigures}'s; a title awarded
 * this year is not counted last year, one revoked last year not this year.
 */
@IntegrationTest
class ModelWorkerFigureSourceIntegrationTests {

    @Autowired ModelWorkerFigureSource source;
    @Autowired ModelWorkerFigures figures;
    @Autowired Organisations organisations;
    @Autowired PlatformTime time;
    @Autowired JdbcClient jdbc;

    @Test
    void theSumsOverASubtreeAreTheModelWorkerFiguresYearByYear() {
        int year = time.today().getYear();
        OrganisationView township = organisations.findByCode("NB-HS-T01").orElseThrow();
        OrganisationView company = organisations.create(organisations.findByCode("NB").orElseThrow().treePath(),
                township.id(), OrganisationKind.ENTERPRISE, Fixtures.unique("劳模企业"), Fixtures.unique("MWF"));
        worker(company, "CITY", year, null);
        worker(company, "CITY", year - 3, null);
        worker(company, "NATIONAL", year - 5, LocalDate.of(year - 1, 6, 1));

        FigureTotals now = FigureTotals.collect(source, year, organisations);
        FigureTotals last = FigureTotals.collect(source, year - 1, organisations);
        assertThat(now.of(company.id())).containsEntry("modelworkers.level.city", 2L)
                .doesNotContainKey("modelworkers.level.national");
        assertThat(last.of(company.id())).containsEntry("modelworkers.level.city", 1L)
                .doesNotContainKey("modelworkers.level.national");
        assertThat(FigureTotals.collect(source, year - 2, organisations).of(company.id()))
                .containsEntry("modelworkers.level.national", 1L);

        for (int y : new int[] {year - 1, year}) {
            FigureTotals totals = y == year ? now : last;
            for (String code : List.of("NB", "NB-HS", "NB-HS-T01")) {
                TreePath scope = organisations.findByCode(code).orElseThrow().treePath();
                ModelWorkerFigures.Figures expected = figures.of(scope, y);
                for (ModelWorkerLevel level : ModelWorkerLevel.values()) {
                    assertThat(totals.sum(ModelWorkerFigureSource.key(level), scope)).as(level + " " + code + " " + y)
                            .isEqualTo(expected.perLevel().get(level));
                }
                assertThat(totals.sum("modelworkers.allowanceEntitled", scope)).as(code + " " + y)
                        .isEqualTo(expected.entitled().movePointRight(2).longValueExact());
                assertThat(totals.sum("modelworkers.allowanceMonths", scope)).isEqualTo(expected.months());
            }
        }
    }

    private void worker(OrganisationView org, String level, int titleYear, LocalDate revoked) {
        String hash = Fixtures.unique("mwf-hash-");
        jdbc.sql("""
                insert into model_worker (name, id_number_enc, id_number_hash, id_number_masked, org_id, org_path, title,
                  level, title_year, sector, employer, allowance_from, revoked_on, created_at, created_by)
                values ('劳模', 'x', :h, '3302**********0000', :o, :p, '劳动模范', :l, :y, '制造', '某企业', :from, :revoked,
                  :at, 'test')""")
                .param("h", hash).param("o", org.id()).param("p", org.path()).param("l", level).param("y", titleYear)
                .param("from", Date.valueOf(LocalDate.of(titleYear, 1, 1)))
                .param("revoked", revoked == null ? null : Date.valueOf(revoked))
                .param("at", Timestamp.from(Instant.now())).update();
    }
}

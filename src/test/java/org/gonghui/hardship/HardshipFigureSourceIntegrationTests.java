package org.gonghui.hardship;

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
 * The archive's dashboard figures, summed over the city, a district and a township, are {@link HardshipFigures}'s,
 * for this year and the last; a household that entered last year entered last year, one that left this year stood
 * in its tier at the end of last year.
 */
@IntegrationTest
class HardshipFigureSourceIntegrationTests {

    @Autowired HardshipFigureSource source;
    @Autowired HardshipFigures figures;
    @Autowired Organisations organisations;
    @Autowired PlatformTime time;
    @Autowired JdbcClient jdbc;

    @Test
    void theSumsOverASubtreeAreTheArchiveFiguresYearByYear() {
        int year = time.today().getYear();
        OrganisationView township = organisations.findByCode("NB-HS-T01").orElseThrow();
        OrganisationView point = organisations.create(organisations.findByCode("NB").orElseThrow().treePath(),
                township.id(), OrganisationKind.ENTERPRISE, Fixtures.unique("困难企业"), Fixtures.unique("HFS"));
        archive(point, "DEEP", LocalDate.of(year, 1, 1), null);
        archive(point, "DEEP", LocalDate.of(year - 1, 12, 31), null);
        archive(point, "RELATIVE", LocalDate.of(year - 1, 6, 1), LocalDate.of(year, 3, 1));
        archive(point, "ACCIDENT", LocalDate.of(year - 2, 6, 1), LocalDate.of(year - 1, 12, 31));

        FigureTotals now = FigureTotals.collect(source, year, organisations);
        FigureTotals last = FigureTotals.collect(source, year - 1, organisations);
        assertThat(now.of(point.id())).containsEntry("hardship.households.deep", 2L)
                .doesNotContainKey("hardship.households.relative").containsEntry("hardship.entered", 1L)
                .containsEntry("hardship.left", 1L);
        assertThat(last.of(point.id())).containsEntry("hardship.households.deep", 1L)
                .containsEntry("hardship.households.relative", 1L).doesNotContainKey("hardship.households.accident")
                .containsEntry("hardship.entered", 2L).containsEntry("hardship.left", 1L);

        for (int y : new int[] {year - 1, year}) {
            FigureTotals totals = y == year ? now : last;
            for (String code : List.of("NB", "NB-HS", "NB-HS-T01")) {
                TreePath scope = organisations.findByCode(code).orElseThrow().treePath();
                HardshipFigures.Figures expected = figures.of(scope, y);
                for (HardshipTier tier : HardshipTier.values()) {
                    assertThat(totals.sum(HardshipFigureSource.key(tier), scope)).as(tier + " " + code + " " + y)
                            .isEqualTo(expected.households().get(tier));
                }
                assertThat(totals.sum("hardship.entered", scope)).as("entered " + code).isEqualTo(expected.entered());
                assertThat(totals.sum("hardship.left", scope)).as("left " + code).isEqualTo(expected.left());
            }
        }
    }

    private void archive(OrganisationView org, String tier, LocalDate since, LocalDate left) {
        jdbc.sql("""
                insert into hardship_archive (org_id, org_path, status, channel, tier, applied_at, since, left_on)
                values (:o, :p, :s, 'WINDOW', :t, :at, :since, :left)""")
                .param("o", org.id()).param("p", org.path()).param("s", left == null ? "APPROVED" : "LEFT")
                .param("t", tier).param("at", Timestamp.from(Instant.now())).param("since", Date.valueOf(since))
                .param("left", left == null ? null : Date.valueOf(left)).update();
    }
}

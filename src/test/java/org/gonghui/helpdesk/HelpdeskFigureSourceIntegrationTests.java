package org.gonghui.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gonghui.member.MemberView;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.support.FigureTotals;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.gonghui.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The help desk's dashboard figures, summed over the city, a district and a township, are {@link HelpdeskFigures}'s
 * for the year; a request received last year is last year's.
 */
@IntegrationTest
class HelpdeskFigureSourceIntegrationTests {

    @Autowired HelpdeskFigureSource source;
    @Autowired HelpdeskFigures figures;
    @Autowired HelpdeskScenario scenario;
    @Autowired Organisations organisations;
    @Autowired TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theSumsOverASubtreeAreTheHelpDeskFiguresAndLastYearStaysLastYears() {
        OrganisationView township = scenario.newTownship();
        CurrentUser station = scenario.staff(township.code() + "-C1");
        MemberView member = scenario.member(township.code() + "-C1");
        int year = PlatformZone.today().getYear();
        clock.set(LocalDate.of(year - 1, 6, 8).atTime(10, 0).atZone(PlatformZone.ZONE).toInstant());
        scenario.submit(member, HelpdeskScenario.consultation("去年的咨询"));
        clock.reset();
        HelpRequestView closed = scenario.submit(member, HelpdeskScenario.consultation("咨询甲"));
        scenario.submit(member, HelpdeskScenario.wagesComplaint("欠薪", false));
        scenario.requests.close(station, closed.id(), null, Outcome.RESOLVED, null, null);
        scenario.requests.rate(HelpdeskScenario.self(member), closed.id(), Satisfaction.SATISFIED, null);

        List<OrganisationView> scopes = List.of(scenario.org("NB"), scenario.org("NB-JB"), township);
        for (int y : new int[] {year - 1, year}) {
            FigureTotals totals = FigureTotals.collect(source, y, organisations);
            for (OrganisationView scope : scopes) {
                DeskFigures.Tally expected = figures.figures(scenario.staff(scope.code()), null, LocalDate.of(y, 1, 1),
                        LocalDate.of(y, 12, 31)).total();
                TreePath path = scope.treePath();
                String at = scope.code() + " " + y;
                assertThat(totals.sum("helpdesk.received", path)).as(at).isEqualTo(expected.received());
                assertThat(totals.sum("helpdesk.open", path)).as(at).isEqualTo(expected.open());
                assertThat(totals.sum("helpdesk.closed", path)).as(at).isEqualTo(expected.closed());
                assertThat(totals.sum("helpdesk.closedOnTime", path)).as(at).isEqualTo(expected.closedOnTime());
                assertThat(totals.sum("helpdesk.rated", path)).as(at).isEqualTo(expected.rated());
                assertThat(totals.sum("helpdesk.satisfied", path)).as(at).isEqualTo(expected.satisfied());
            }
        }
        FigureTotals thisYear = FigureTotals.collect(source, year, organisations);
        assertThat(thisYear.sum("helpdesk.received", township.treePath())).isEqualTo(2);
        assertThat(thisYear.sum("helpdesk.closedOnTime", township.treePath())).isEqualTo(1);
        assertThat(thisYear.sum("helpdesk.satisfied", township.treePath())).isEqualTo(1);
        assertThat(FigureTotals.collect(source, year - 1, organisations).sum("helpdesk.received", township.treePath()))
                .isEqualTo(1);
    }
}

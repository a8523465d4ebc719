package org.gonghui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gonghui.aid.AidFigures;
import org.gonghui.card.merchant.Figures;
import org.gonghui.hardship.HardshipFigures;
import org.gonghui.hardship.HardshipTier;
import org.gonghui.helpdesk.DeskFigures;
import org.gonghui.helpdesk.HelpdeskFigures;
import org.gonghui.member.Members;
import org.gonghui.modelworker.ModelWorkerFigures;
import org.gonghui.modelworker.ModelWorkerLevel;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.payment.PaymentFigures;
import org.gonghui.shared.figures.FigureDefinition;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.shared.time.PlatformTime;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * End to end, with every module's real figure source: after a refresh, the dashboards of the city, a district and a
 * township show the same numbers as each module's own figures API (the numbers of its figures page and export) for
 * that subtree and year.
 */
@IntegrationTest
class DashboardSourcesIntegrationTests {

    @Autowired FigureRefresh refresh;
    @Autowired Dashboards dashboards;
    @Autowired Organisations organisations;
    @Autowired PlatformTime time;
    @Autowired Members members;
    @Autowired HardshipFigures hardship;
    @Autowired AidFigures aid;
    @Autowired ModelWorkerFigures modelWorkers;
    @Autowired PaymentFigures payments;
    @Autowired HelpdeskFigures helpdesk;
    @Autowired Figures cardFigures;

    @Test
    void theCityADistrictAndATownshipShowTheModulesOwnNumbers() {
        int year = time.today().getYear();
        refresh.refresh(year);
        for (String code : List.of("NB", "NB-HS", "NB-HS-T01")) {
            OrganisationView org = organisations.findByCode(code).orElseThrow();
            TreePath subtree = new TreePath(org.path());
            CurrentUser staff = Fixtures.staffAt(org, Role.STAFF);
            Map<String, Long> shown = values(dashboards.dashboard(staff, org.id(), year));

            long active = shown.getOrDefault("members.active.inService", 0L)
                    + shown.getOrDefault("members.active.migrant", 0L) + shown.getOrDefault("members.active.retired", 0L);
            assertThat(active).as("active members, " + code).isEqualTo(members.countActive(subtree)).isPositive();

            HardshipFigures.Figures archive = hardship.of(subtree, year);
            for (HardshipTier tier : HardshipTier.values()) {
                assertThat(shown.getOrDefault("hardship.households." + tier.name().toLowerCase(), 0L))
                        .as("hardship households " + tier + ", " + code)
                        .isEqualTo(archive.households().getOrDefault(tier, 0L));
            }
            assertThat(shown.getOrDefault("hardship.entered", 0L)).as("hardship entered, " + code)
                    .isEqualTo(archive.entered());

            AidFigures.Figures grants = aid.of(subtree, year);
            AidFigures.Programme living = grants.programmes().get("HARDSHIP_LIVING");
            assertThat(shown.getOrDefault("aid.living.approved", 0L)).as("aid approved, " + code)
                    .isEqualTo(living == null ? 0L : living.approved());
            assertThat(shown.getOrDefault("aid.wishesPosted", 0L)).as("wishes, " + code).isEqualTo(grants.wishesPosted());

            ModelWorkerFigures.Figures workers = modelWorkers.of(subtree, year);
            for (ModelWorkerLevel level : ModelWorkerLevel.values()) {
                assertThat(shown.getOrDefault("modelworkers.level." + level.name().toLowerCase(), 0L))
                        .as("model workers " + level + ", " + code)
                        .isEqualTo(workers.perLevel().getOrDefault(level, 0L));
            }

            Map<String, PaymentFigures.Paid> paid = new HashMap<>();
            payments.of(subtree, year).forEach(p -> paid.put(p.programme(), p));
            PaymentFigures.Paid mutualAid = paid.get("MUTUAL_AID");
            assertThat(shown.getOrDefault("mutualaid.claims.paid", 0L)).as("mutual aid payments, " + code)
                    .isEqualTo(mutualAid == null ? 0L : mutualAid.payments());
            assertThat(shown.getOrDefault("mutualaid.claims.paidAmount", 0L)).as("mutual aid paid (fen), " + code)
                    .isEqualTo(mutualAid == null ? 0L : mutualAid.amount().movePointRight(2).longValueExact());

            DeskFigures.Tally desk = helpdesk.figures(staff, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                    .total();
            assertThat(shown.getOrDefault("helpdesk.received", 0L)).as("help requests, " + code).isEqualTo(desk.received());
            assertThat(shown.getOrDefault("helpdesk.closedOnTime", 0L)).as("closed on time, " + code)
                    .isEqualTo(desk.closedOnTime());

            long visits = 0;
            long discount = 0;
            for (Figures.Line line : cardFigures.of(staff, year, Figures.By.ORGANISATION)) {
                visits += line.visits();
                discount += line.discountFen();
            }
            assertThat(shown.getOrDefault("merchants.visits", 0L)).as("member-visits, " + code).isEqualTo(visits);
            assertThat(shown.getOrDefault("merchants.discount", 0L)).as("discount (fen), " + code).isEqualTo(discount);
        }
    }

    private static Map<String, Long> values(Dashboard dashboard) {
        Map<String, Long> values = new HashMap<>();
        for (Dashboard.Section section : dashboard.sections()) {
            for (DashboardFigure figure : section.figures()) {
                if (figure.value() != null && figure.kind() != FigureDefinition.Kind.RATIO) {
                    values.put(figure.key(), figure.value().longValueExact());
                }
            }
        }
        return values;
    }
}

package org.gonghui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.CurrentUser;
import org.gonghui.shared.security.Role;
import org.gonghui.support.FigureTotals;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The activities' dashboard figures: an activity is counted in the year its first session starts, under the
 * organisation holding it, with its places and confirmed registrations, and welfare vouchers in the year they were
 * claimed, under the organisation making the offer; summed over the city, a district and a
 * township they are the activities' own figures ({@link Activities#figures}) of the activities held there that year.
 */
@IntegrationTest
class ActivityFigureSourceIntegrationTests {

    @Autowired ActivityFigureSource source;
    @Autowired Activities activities;
    @Autowired Registrations registrations;
    @Autowired Welfare welfare;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;

    @Test
    void anActivityCountsInTheYearOfItsFirstSessionAndTheSumsAreTheActivitiesOwnFigures() {
        OrganisationView township = organisations.findByCode("NB-HS-T01").orElseThrow();
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        OrganisationView company = organisations.create(city.treePath(), township.id(), OrganisationKind.ENTERPRISE,
                Fixtures.unique("活动企业"), Fixtures.unique("AFS"));
        CurrentUser staff = Fixtures.staffAt(company, Role.STAFF);
        ActivityView activity = activities.publish(staff, ActivityTestData.open(Fixtures.unique("数说活动"), 5,
                AllocationMode.FIRST_COME));
        java.time.LocalDateTime now = PlatformZone.now();
        WelfareOfferView offer = welfare.publish(staff, new WelfareOfferForm(Fixtures.unique("数说福利"), "desc",
                new java.math.BigDecimal("1.00"), 10, 1, now.minusHours(1), now.plusDays(3), now.minusHours(1),
                now.plusDays(30), java.util.Set.of(), null, false, null, null, java.util.Set.of()));
        for (int i = 0; i < 2; i++) {
            MemberView m = members.register(city.treePath(), new NewMember(Fixtures.unique("活动"), Fixtures.newIdNumber(),
                    Fixtures.newPhone(), company.id(), MemberType.IN_SERVICE, LocalDate.of(2020, 1, 1), null));
            registrations.register(m.id(), activity.id(), null, false);
            welfare.claim(m.id(), offer.id());
        }
        FigureTotals claims = FigureTotals.collect(source, PlatformZone.today().getYear(), organisations);
        assertThat(claims.of(company.id())).containsEntry("activities.welfareClaimed", welfare.figures(staff, offer.id())[0])
                .containsEntry("activities.welfareClaimed", 2L).containsEntry("activities.welfareRedeemed", 0L);
        assertThat(FigureTotals.collect(source, PlatformZone.today().getYear() - 1, organisations).of(company.id()))
                .doesNotContainKey("activities.welfareClaimed");
        int year = PlatformZone.now().plusDays(5).getYear();

        FigureTotals totals = FigureTotals.collect(source, year, organisations);
        assertThat(totals.of(company.id())).containsEntry("activities.held", 1L).containsEntry("activities.places", 5L)
                .containsEntry("activities.confirmed", 2L).containsEntry("activities.attended", 0L);
        assertThat(FigureTotals.collect(source, year - 1, organisations).of(company.id()))
                .doesNotContainKey("activities.held").doesNotContainKey("activities.confirmed");

        CurrentUser cityStaff = Fixtures.staffAt(city, Role.STAFF);
        for (OrganisationView scope : List.of(city, organisations.findByCode("NB-HS").orElseThrow(), township)) {
            List<Object[]> held = jdbc.sql("""
                    select a.id, a.capacity from activity a where a.status <> 'CANCELLED' and a.org_path like :p
                      and coalesce((select min(s.starts_at) from activity_session s where s.activity_id = a.id), a.closes_at)
                          between :from and :to""")
                    .param("p", scope.path() + "%")
                    .param("from", Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(PlatformZone.ZONE).toInstant()))
                    .param("to", Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(PlatformZone.ZONE).toInstant()
                            .minusNanos(1000)))
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)}).list();
            long places = 0;
            long confirmed = 0;
            long attended = 0;
            for (Object[] a : held) {
                places += (Long) a[1];
                ActivityFigures f = activities.figures(cityStaff, (Long) a[0]);
                confirmed += f.confirmed();
                attended += f.attended();
            }
            String at = scope.code();
            assertThat(totals.sum("activities.held", scope.treePath())).as(at).isEqualTo(held.size());
            assertThat(totals.sum("activities.places", scope.treePath())).as(at).isEqualTo(places);
            assertThat(totals.sum("activities.confirmed", scope.treePath())).as(at).isEqualTo(confirmed);
            assertThat(totals.sum("activities.attended", scope.treePath())).as(at).isEqualTo(attended);
        }
    }
}

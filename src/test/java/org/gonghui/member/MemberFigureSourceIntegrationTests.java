package org.gonghui.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.organisation.TreePath;
import org.gonghui.support.FigureTotals;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The members' dashboard figures: this year's active members summed over the city, a district and a township are the
 * registry's count of active members there; joining and leaving fall in the year they happened, and a member who left
 * this year was still active at the end of last year.
 */
@IntegrationTest
class MemberFigureSourceIntegrationTests {

    @Autowired MemberFigureSource source;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;

    @Test
    void activeMembersJoinersAndLeaversPerYear() {
        TreePath city = organisations.findByCode("NB").orElseThrow().treePath();
        OrganisationView district = organisations.findByCode("NB-HS").orElseThrow();
        OrganisationView township = organisations.create(city, district.id(), OrganisationKind.TOWNSHIP,
                Fixtures.unique("数说街道"), Fixtures.unique("MF"));
        OrganisationView company = organisations.create(city, township.id(), OrganisationKind.ENTERPRISE,
                Fixtures.unique("数说企业"), Fixtures.unique("MFE"));
        int year = PlatformZone.today().getYear();
        MemberView stays = register(company, MemberType.IN_SERVICE, LocalDate.of(year, 1, 1));
        MemberView leaves = register(company, MemberType.RETIRED, LocalDate.of(year - 1, 3, 1));
        MemberView migrant = register(township, MemberType.MIGRANT, LocalDate.of(year - 5, 3, 1));
        // registered last year (the history's time is the real time of the change: put them back a year)
        jdbc.sql("update member_status_change set changed_at = :at where member_id in (:ids)")
                .param("at", Timestamp.from(LocalDate.of(year - 1, 3, 1).atStartOfDay(PlatformZone.ZONE).toInstant()))
                .param("ids", List.of(leaves.id(), migrant.id())).update();
        members.changeStatus(city, leaves.id(), MemberStatus.LEFT, "退休离会");

        FigureTotals now = FigureTotals.collect(source, year, organisations);
        assertThat(now.of(company.id())).containsEntry("members.active.inService", 1L)
                .doesNotContainKey("members.active.retired").containsEntry("members.joined", 1L)
                .containsEntry("members.left", 1L);
        assertThat(now.of(township.id())).containsEntry("members.active.migrant", 1L).doesNotContainKey("members.joined");
        FigureTotals last = FigureTotals.collect(source, year - 1, organisations);
        assertThat(last.of(company.id())).containsEntry("members.active.retired", 1L).containsEntry("members.joined", 1L)
                .doesNotContainKey("members.active.inService").doesNotContainKey("members.left");
        assertThat(last.of(township.id())).containsEntry("members.active.migrant", 1L);
        assertThat(stays.status()).isEqualTo(MemberStatus.ACTIVE);

        for (TreePath scope : List.of(city, district.treePath(), township.treePath())) {
            long active = 0;
            for (MemberType type : MemberType.values()) {
                active += now.sum(MemberFigureSource.key(type), scope);
            }
            assertThat(active).as(scope.value()).isEqualTo(members.countActive(scope));
        }
    }

    private MemberView register(OrganisationView org, MemberType type, LocalDate joined) {
        return members.register(org.treePath(), new NewMember(Fixtures.unique("数说"), Fixtures.newIdNumber(),
                Fixtures.newPhone(), org.id(), type, joined, null));
    }
}

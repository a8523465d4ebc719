package org.gonghui.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gonghui.member.MemberType;
import org.gonghui.member.MemberView;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
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
 * Aid's dashboard figures, summed over a subtree, are {@link AidFigures}'s for the year; a grant of last year and a
 * wish posted late on 31 December (Asia/Shanghai) are last year's.
 */
@IntegrationTest
class AidFigureSourceIntegrationTests {

    private static final Map<String, String> CODES = Map.of("LIVING", "HARDSHIP_LIVING", "MEDICAL", "HARDSHIP_MEDICAL",
            "FESTIVAL", "FESTIVAL", "SCHOOL", "SCHOOL_AID");

    @Autowired AidFigureSource source;
    @Autowired AidFigures figures;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired PlatformTime time;
    @Autowired JdbcClient jdbc;

    @Test
    void theSumsOverASubtreeAreTheAidFiguresYearByYear() {
        int year = time.today().getYear();
        OrganisationView township = organisations.findByCode("NB-HS-T01").orElseThrow();
        OrganisationView city = organisations.findByCode("NB").orElseThrow();
        OrganisationView company = organisations.create(city.treePath(), township.id(), OrganisationKind.ENTERPRISE,
                Fixtures.unique("救助企业"), Fixtures.unique("AFS"));
        MemberView member = members.register(city.treePath(), new NewMember(Fixtures.unique("救助"), Fixtures.newIdNumber(),
                Fixtures.newPhone(), company.id(), MemberType.IN_SERVICE, LocalDate.of(2015, 5, 1), null));
        grant(member, company, "LIVING", year, "APPROVED", 50_000);
        grant(member, company, "LIVING", year, "HANDED_OUT", 20_000);
        grant(member, company, "MEDICAL", year, "APPLIED", 30_000);
        grant(member, company, "LIVING", year - 1, "APPROVED", 40_000);
        wish(member, company, LocalDate.of(year, 1, 1).atStartOfDay(time.zone()).toInstant(), "CLAIMED");
        wish(member, company, LocalDate.of(year, 1, 1).atStartOfDay(time.zone()).toInstant().minusSeconds(60), "OPEN");

        FigureTotals now = FigureTotals.collect(source, year, organisations);
        FigureTotals last = FigureTotals.collect(source, year - 1, organisations);
        assertThat(now.of(company.id())).containsEntry("aid.living.approved", 2L)
                .containsEntry("aid.living.approvedAmount", 70_000L).doesNotContainKey("aid.medical.approved")
                .containsEntry("aid.wishesPosted", 1L).containsEntry("aid.wishesClaimed", 1L);
        assertThat(last.of(company.id())).containsEntry("aid.living.approved", 1L)
                .containsEntry("aid.living.approvedAmount", 40_000L).containsEntry("aid.wishesPosted", 1L)
                .containsEntry("aid.wishesClaimed", 0L);

        for (int y : new int[] {year - 1, year}) {
            FigureTotals totals = y == year ? now : last;
            for (String code : List.of("NB", "NB-HS", "NB-HS-T01")) {
                TreePath scope = organisations.findByCode(code).orElseThrow().treePath();
                AidFigures.Figures expected = figures.of(scope, y);
                for (String kind : AidFigureSource.PROGRAMMES) {
                    AidFigures.Programme p = expected.programmes().get(CODES.get(kind));
                    String at = kind + " " + code + " " + y;
                    assertThat(totals.sum(AidFigureSource.key(kind, "approved"), scope)).as(at).isEqualTo(p.approved());
                    assertThat(totals.sum(AidFigureSource.key(kind, "approvedAmount"), scope)).as(at)
                            .isEqualTo(p.approvedAmount().movePointRight(2).longValueExact());
                }
                assertThat(totals.sum("aid.wishesPosted", scope)).isEqualTo(expected.wishesPosted());
                assertThat(totals.sum("aid.wishesClaimed", scope)).isEqualTo(expected.wishesClaimed());
                assertThat(totals.sum("aid.wishesFulfilled", scope)).isEqualTo(expected.wishesFulfilled());
                assertThat(totals.sum("aid.heatVisits", scope)).isEqualTo(expected.heatVisits());
                assertThat(totals.sum("aid.heatPeople", scope)).isEqualTo(expected.heatPeople());
                assertThat(totals.sum("aid.heatValue", scope)).isEqualTo(expected.heatValue().movePointRight(2).longValueExact());
            }
        }
    }

    private void grant(MemberView member, OrganisationView org, String kind, int year, String status, long fen) {
        jdbc.sql("""
                insert into aid_grant (kind, grant_year, member_id, org_path, form, amount_fen, status, applied_by, applied_at)
                values (:k, :y, :m, :p, 'CASH', :fen, :s, 'test', :at)""")
                .param("k", kind).param("y", year).param("m", member.id()).param("p", org.path()).param("fen", fen)
                .param("s", status).param("at", Timestamp.from(Instant.now())).update();
    }

    private void wish(MemberView member, OrganisationView org, Instant posted, String status) {
        jdbc.sql("""
                insert into aid_wish (member_id, org_id, org_path, title, story, amount_fen, status, posted_at)
                values (:m, :o, :p, '一个心愿', '故事', 10000, :s, :at)""")
                .param("m", member.id()).param("o", org.id()).param("p", org.path()).param("s", status)
                .param("at", Timestamp.from(posted)).update();
    }
}

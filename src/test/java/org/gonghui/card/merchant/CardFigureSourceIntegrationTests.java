package org.gonghui.card.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gonghui.card.merchant.MerchantTestData.application;
import static org.gonghui.card.merchant.MerchantTestData.outlet;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gonghui.member.MemberType;
import org.gonghui.member.Members;
import org.gonghui.member.NewMember;
import org.gonghui.organisation.OrganisationKind;
import org.gonghui.organisation.OrganisationView;
import org.gonghui.organisation.Organisations;
import org.gonghui.shared.security.Role;
import org.gonghui.support.FigureTotals;
import org.gonghui.support.Fixtures;
import org.gonghui.support.IntegrationTest;
import org.gonghui.support.PlatformZone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The card's dashboard figures: member-visits, distinct members and the discount summed over the city, a district
 * and a township are the card module's own figures by organisation for that scope; last year's redemptions stay last
 * year's; a member given a card this year is a card holder this year, not last year.
 */
@IntegrationTest
class CardFigureSourceIntegrationTests {

    /** Years no other test redeems in. */
    static final int YEAR = 2035;

    @Autowired CardFigureSource source;
    @Autowired Figures figures;
    @Autowired CardMerchants merchants;
    @Autowired MerchantSettings settings;
    @Autowired Members members;
    @Autowired Organisations organisations;
    @Autowired JdbcClient jdbc;

    @Test
    void theSumsOverASubtreeAreTheCardFiguresByOrganisation() {
        var m = MerchantTestData.approved(merchants, settings, organisations, application(Fixtures.unique("数说影城"),
                "cinema", outlet("一厅", 29.87, 121.55)));
        long outlet = m.outlets().get(0).id();
        OrganisationView point = organisations.findByCode("NB-HS-T01-E1").orElseThrow();
        OrganisationView jiangbei = organisations.findByCode("NB-JB").orElseThrow();
        long a = 8_000_000_000L + System.nanoTime() % 1_000_000;
        redeem(m.id(), outlet, a, point.path(), YEAR, 1, 1_000);
        redeem(m.id(), outlet, a, point.path(), YEAR, 5, 500);
        redeem(m.id(), outlet, a + 1, jiangbei.path(), YEAR, 2, 300);
        redeem(m.id(), outlet, a + 2, point.path(), YEAR - 1, 12, 700);

        List<OrganisationView> scopes = List.of(organisations.findByCode("NB").orElseThrow(),
                organisations.findByCode("NB-HS").orElseThrow(), organisations.findByCode("NB-HS-T01").orElseThrow());
        int thisYear = PlatformZone.today().getYear();
        for (int y : new int[] {YEAR - 1, YEAR, thisYear}) {
            FigureTotals totals = FigureTotals.collect(source, y, organisations);
            for (OrganisationView scope : scopes) {
                long visits = 0;
                long distinct = 0;
                long discount = 0;
                for (Figures.Line line : figures.of(Fixtures.staffAt(scope, Role.STAFF), y, Figures.By.ORGANISATION)) {
                    visits += line.visits();
                    distinct += line.members();
                    discount += line.discountFen();
                }
                String at = scope.code() + " " + y;
                assertThat(totals.sum("merchants.visits", scope.treePath())).as(at).isEqualTo(visits);
                assertThat(totals.sum("merchants.members", scope.treePath())).as(at).isEqualTo(distinct);
                assertThat(totals.sum("merchants.discount", scope.treePath())).as(at).isEqualTo(discount);
            }
        }
        FigureTotals year = FigureTotals.collect(source, YEAR, organisations);
        assertThat(year.of(point.id())).containsEntry("merchants.visits", 2L).containsEntry("merchants.members", 1L)
                .containsEntry("merchants.discount", 1_500L);
        FigureTotals before = FigureTotals.collect(source, YEAR - 1, organisations);
        assertThat(before.sum("merchants.visits", jiangbei.treePath())).isZero();
        assertThat(before.of(point.id())).containsEntry("merchants.visits", 1L).containsEntry("merchants.discount", 700L);
        FigureTotals now = FigureTotals.collect(source, thisYear, organisations);
        long root = organisations.findByCode("NB").orElseThrow().id();
        assertThat(now.of(root).get("merchants.live")).isPositive();
        assertThat(now.sum("merchants.live", scopes.get(1).treePath())).as("merchants are the city's").isZero();
    }

    @Test
    void aMemberGivenACardThisYearIsAHolderThisYearOnly() {
        OrganisationView township = organisations.findByCode("NB-HS-T01").orElseThrow();
        OrganisationView company = organisations.create(organisations.findByCode("NB").orElseThrow().treePath(),
                township.id(), OrganisationKind.ENTERPRISE, Fixtures.unique("持卡企业"), Fixtures.unique("CARDFIG"));
        int year = PlatformZone.today().getYear();
        members.register(township.treePath(), new NewMember(Fixtures.unique("持卡"), Fixtures.newIdNumber(),
                Fixtures.newPhone(), company.id(), MemberType.IN_SERVICE, LocalDate.of(2020, 5, 1),
                Fixtures.newCardNumber()));
        members.register(township.treePath(), new NewMember(Fixtures.unique("无卡"), Fixtures.newIdNumber(),
                Fixtures.newPhone(), company.id(), MemberType.IN_SERVICE, LocalDate.of(2020, 5, 1), null));
        FigureTotals now = FigureTotals.collect(source, year, organisations);
        assertThat(now.of(company.id())).containsEntry("card.holders", 1L).containsEntry("card.issued", 1L);
        assertThat(FigureTotals.collect(source, year - 1, organisations).of(company.id())).doesNotContainKey("card.holders");
        long live = jdbc.sql("""
                select count(*) from card c join member m on m.id = c.live_member_id join organisation o on o.id = m.org_id
                where o.path like :p and (select min(f.issued_on) from card f where f.member_id = c.live_member_id) <= :end""")
                .param("p", township.path() + "%").param("end", java.sql.Date.valueOf(LocalDate.of(year, 12, 31)))
                .query(Long.class).single();
        assertThat(now.sum("card.holders", township.treePath()))
                .as("live cards whose holder had a card by the year's end (tests issue cards on later dates)")
                .isEqualTo(live);
    }

    private void redeem(long merchantId, long outletId, long memberId, String orgPath, int year, int month, long off) {
        jdbc.sql("""
                insert into card_redemption (card_merchant_id, outlet_id, idem_key, card_id, card_masked, member_id,
                  member_org_path, category, bill_fen, discount_fen, redeemed_at, ym, by_user)
                values (:m, :o, :k, 1, '************0000', :member, :path, 'cinema', 10000, :off, :at, :ym, 'test')""")
                .param("m", merchantId).param("o", outletId).param("k", UUID.randomUUID().toString())
                .param("member", memberId).param("path", orgPath).param("off", off)
                .param("at", Timestamp.from(Instant.parse(year + "-" + String.format("%02d", month) + "-10T04:00:00Z")))
                .param("ym", year * 100 + month).update();
    }
}
